import { printable } from './escape-output.js';
import type { Finding } from './finding.js';
import { errorCount, type FileReport, type VerifyReport, warningCount } from './report.js';

/** `entry 2: response body lineItems[0].quantity` */
export function locationOf(unit: FileReport['unit'], finding: Finding): string {
  const where = `${finding.where} ${finding.part === 'operation' ? 'line' : finding.part}`;
  return `${unit} ${finding.index}: ${where}${finding.path === '' ? '' : ` ${finding.path}`}`;
}

/** One line per finding, naming file, exchange, place, rule and value. */
export function findingLine(report: FileReport, finding: Finding): string {
  return printable(`${report.file}: ${locationOf(report.unit, finding)}: ${finding.severity} [${finding.rule}] ${finding.message}`);
}

function fileSummary(report: FileReport): string {
  if (report.unusable !== undefined) return `${report.file}: unusable: ${report.unusable}`;
  const errors = errorCount(report);
  const warnings = warningCount(report);
  const one = report.verdicts.length === 1;
  const noun = report.unit === 'entry' ? (one ? 'entry' : 'entries') : one ? 'interaction' : 'interactions';
  const count = `${report.verdicts.length} ${noun}`;
  return `${report.file} (${report.format}, ${count}): ${errors === 0 ? 'conforms' : `${errors} error${errors === 1 ? '' : 's'}`}${warnings === 0 ? '' : `, ${warnings} warning${warnings === 1 ? '' : 's'}`}`;
}

const OUTCOME: Readonly<Record<number, string>> = {
  0: 'all traffic conforms to the contract',
  1: 'some traffic does not conform to the contract: fix the client or the service, or report drift of the real service against this package',
  2: 'some input could not be verified: pass HAR 1.2 or Pact files with at least one exchange',
};

export function formatText(report: VerifyReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(printable(fileSummary(file)));
    for (const note of file.notes) lines.push(`  note: ${printable(note)}`);
    for (const verdict of file.verdicts) for (const finding of verdict.findings) lines.push(`  ${findingLine(file, finding)}`);
  }
  lines.push(`Result: ${OUTCOME[report.exitCode]} (exit ${report.exitCode})`);
  return lines.join('\n');
}
