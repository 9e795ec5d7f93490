import { escapeCommandData, escapeCommandProperty, printable } from './escape-output.js';
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
      lines.push(
        `::error file=${escapeCommandProperty(printable(file.file))},title=unusable input::${escapeCommandData(printable(file.unusable))}`,
      );
    for (const verdict of file.verdicts) {
      for (const finding of verdict.findings) {
        const title = `${finding.rule} (${locationOf(file.unit, finding)})`;
        lines.push(
          `::${finding.severity} file=${escapeCommandProperty(printable(file.file))},title=${escapeCommandProperty(printable(title))}::${escapeCommandData(printable(`${locationOf(file.unit, finding)}: ${finding.message}`))}`,
        );
      }
    }
  }
  return lines.join('\n');
}
