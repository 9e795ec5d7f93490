import { checkExchange } from './check-exchange.js';
import type { ContractOperation } from './contract.js';
import type { ExchangeVerdict } from './finding.js';
import { readTrafficFile } from './read-traffic.js';
import { collectSecrets, scrubber } from './secrets.js';
import { UnusableTrafficError } from './traffic.js';

/** The verdict on one file: its exchanges, or why it could not be read. */
export interface FileReport {
  readonly file: string;
  /** `HAR 1.2`, `Pact v3`; `unknown` when unusable. */
  readonly format: string;
  readonly unit: 'entry' | 'interaction';
  readonly verdicts: readonly ExchangeVerdict[];
  readonly notes: readonly string[];
  /** Set when the file could not be judged: exit code 2. */
  readonly unusable: string | undefined;
}

const TOO_DEEP = 'a body in it is nested too deep to verify (RangeError); check that it holds real traffic';

/** 0: everything conforms; 1: something does not; 2: some input could not be judged. */
export type ExitCode = 0 | 1 | 2;

export interface VerifyReport {
  readonly files: readonly FileReport[];
  readonly exitCode: ExitCode;
}

export function errorCount(report: FileReport): number {
  return report.verdicts.reduce((sum, verdict) => sum + verdict.findings.filter((finding) => finding.severity === 'error').length, 0);
}

export function warningCount(report: FileReport): number {
  return report.verdicts.reduce((sum, verdict) => sum + verdict.findings.filter((finding) => finding.severity === 'warning').length, 0);
}

/** `file` with every finding's text passed through `scrub`. */
function scrubbed(report: FileReport, scrub: (text: string) => string): FileReport {
  return {
    ...report,
    verdicts: report.verdicts.map((verdict) => ({
      ...verdict,
      path: scrub(verdict.path),
      findings: verdict.findings.map((finding) => ({
        ...finding,
        path: scrub(finding.path),
        message: scrub(finding.message),
        value: scrub(finding.value),
      })),
    })),
  };
}

async function verifyFile(file: string, operations: readonly ContractOperation[]): Promise<FileReport> {
  try {
    const traffic = await readTrafficFile(file);
    const verdicts = traffic.exchanges.map((exchange) => checkExchange(exchange, traffic.kind, operations));
    const report: FileReport = { file, format: traffic.format, unit: traffic.unit, verdicts, notes: traffic.skipped, unusable: undefined };
    return scrubbed(report, scrubber(collectSecrets(traffic.exchanges)));
  } catch (error) {
    if (error instanceof UnusableTrafficError)
      return { file, format: 'unknown', unit: 'entry', verdicts: [], notes: [], unusable: error.message };
    // A body nested thousands deep overflows the recursive checks: this file cannot be judged, the others still are.
    if (error instanceof RangeError)
      return { file, format: 'unknown', unit: 'entry', verdicts: [], notes: [], unusable: `${file}: ${TOO_DEEP}` };
    throw error;
  }
}

/** Judges every file; the worst result decides the exit code. */
export async function verifyTraffic(files: readonly string[], operations: readonly ContractOperation[]): Promise<VerifyReport> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await verifyFile(file, operations));
  const exitCode: ExitCode = reports.some((report) => report.unusable !== undefined)
    ? 2
    : reports.some((report) => errorCount(report) > 0)
      ? 1
      : 0;
  return { files: reports, exitCode };
}
