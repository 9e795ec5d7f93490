/** A Markdown review for a pull-request comment: the verdict first, then one row per finding linking its source line. */
import type { Review } from './review.js';
import { sourceLink } from './source-link.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function renderFindingsMarkdown(review: Review): string {
  const lines = [`**${review.tool}**: ${review.verdict}`, ''];
  if (review.findings.length > 0) {
    lines.push('| where | level | rule | finding |', '|---|---|---|---|');
    for (const finding of review.findings) {
      const where = `[${finding.file}:${finding.line}](${sourceLink(finding.file, finding.line)})`;
      const message = finding.help ? `${finding.message} ${finding.help}` : finding.message;
      lines.push(`| ${where} | ${finding.level} | \`${finding.source}/${finding.ruleId}\` | ${cell(message)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
