import { locationOf } from './format-text.js';
import type { VerifyReport } from './report.js';

/*
 * GitHub Actions workflow commands: each finding becomes an annotation on the traffic file in the run's summary
 * and the pull request. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: VerifyReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.unusable !== undefined) lines.push(`::error file=${property(file.file)},title=unusable input::${data(file.unusable)}`);
    for (const verdict of file.verdicts) {
      for (const finding of verdict.findings) {
        const title = `${finding.rule} (${locationOf(file.unit, finding)})`;
        lines.push(
          `::${finding.severity} file=${property(file.file)},title=${property(title)}::${data(`${locationOf(file.unit, finding)}: ${finding.message}`)}`,
        );
      }
    }
  }
  return lines.join('\n');
}
