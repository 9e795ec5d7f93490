import { escapeCommandData, escapeCommandProperty } from './escape-output.js';
import { locationOf } from './format-text.js';
import type { VerifyReport } from './report.js';

/*
 * GitHub Actions workflow commands: each finding becomes an annotation on the traffic file in the run's summary
 * and the pull request. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

export function formatGithub(report: VerifyReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.unusable !== undefined)
      lines.push(`::error file=${escapeCommandProperty(file.file)},title=unusable input::${escapeCommandData(file.unusable)}`);
    for (const verdict of file.verdicts) {
      for (const finding of verdict.findings) {
        const title = `${finding.rule} (${locationOf(file.unit, finding)})`;
        lines.push(
          `::${finding.severity} file=${escapeCommandProperty(file.file)},title=${escapeCommandProperty(title)}::${escapeCommandData(`${locationOf(file.unit, finding)}: ${finding.message}`)}`,
        );
      }
    }
  }
  return lines.join('\n');
}
