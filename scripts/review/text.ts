/** Plain text for a terminal: one `file:line level source/rule: message` line per finding, then the verdict. */
import type { Review } from './review.js';

export function renderText(review: Review): string {
  const lines = review.findings.map((finding) => {
    const help = finding.help ? ` ${finding.help}` : '';
    return `${finding.file}:${finding.line} ${finding.level} ${finding.source}/${finding.ruleId}: ${finding.message}${help}`;
  });
  return `${[...lines, review.verdict].join('\n')}\n`;
}
