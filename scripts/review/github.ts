/**
 * GitHub Actions workflow commands: each finding becomes an `::error`, `::warning` or `::notice` annotation on its
 * source line in the pull request's diff view; the verdict ends the output as plain text for the job log.
 */
import type { Finding, Review } from './review.js';

const COMMAND: Record<Finding['level'], string> = { error: 'error', warning: 'warning', note: 'notice' };

/** The escaping GitHub's runner expects: a message may hold any text, a property value no `:` or `,`. */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderGithub(review: Review): string {
  const lines = review.findings.map((finding) => {
    const properties = `file=${escapeProperty(finding.file)},line=${finding.line},title=${escapeProperty(`${finding.source} ${finding.ruleId}`)}`;
    const message = finding.help ? `${finding.message} ${finding.help}` : finding.message;
    return `::${COMMAND[finding.level]} ${properties}::${escapeData(message)}`;
  });
  return `${[...lines, review.verdict].join('\n')}\n`;
}
