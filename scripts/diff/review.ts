/** The differ's report as a review, for the formats every review tool shares (text, sarif, junit, github). */
import { SPEC_ROOT_NAME } from '../paths.js';
import type { Finding, Review } from '../review/review.js';
import { type DiffReport, type LocatedChange, verdict } from './report.js';

function finding(change: LocatedChange, majorBump: boolean): Finding {
  const breaking = change.severity === 'breaking';
  return {
    source: 'diff',
    ruleId: change.id,
    level: breaking ? (majorBump ? 'warning' : 'error') : 'note',
    message: `${change.operation} ${change.location}: ${change.message}`,
    file: change.file ?? SPEC_ROOT_NAME,
    line: change.line ?? 1,
    ...(change.reason ? { help: `Why it breaks: ${change.reason}` } : {}),
    blocking: breaking && !majorBump,
  };
}

export function diffReview(report: DiffReport): Review {
  return {
    tool: 'diff',
    findings: [...report.breaking, ...report.nonBreaking].map((change) => finding(change, report.majorBump)),
    verdict: verdict(report),
    ok: report.ok,
  };
}
