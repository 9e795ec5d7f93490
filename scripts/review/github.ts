/**
 * GitHub Actions workflow commands: each finding becomes an `::error`, `::warning` or `::notice` annotation on its
 * source line in the pull request's diff view; the verdict ends the output as plain text for the job log.
 */
import { escapeCommandData, escapeCommandProperty } from '../../src/verify/escape-output.js';
import type { Finding, Review } from './review.js';

const COMMAND: Record<Finding['level'], string> = { error: 'error', warning: 'warning', note: 'notice' };

export function renderGithub(review: Review): string {
  const lines = review.findings.map((finding) => {
    const properties = `file=${escapeCommandProperty(finding.file)},line=${finding.line},title=${escapeCommandProperty(`${finding.source} ${finding.ruleId}`)}`;
    const message = finding.help ? `${finding.message} ${finding.help}` : finding.message;
    return `::${COMMAND[finding.level]} ${properties}::${escapeCommandData(message)}`;
  });
  return `${[...lines, review.verdict].join('\n')}\n`;
}
