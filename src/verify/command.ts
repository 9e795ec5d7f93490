import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { packagedContract } from './contract.js';
import { coverageOf, coverageText } from './coverage.js';
import { formatGithub } from './format-github.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { type ExitCode, verifyTraffic } from './report.js';

export const USAGE = `Usage: partner-center-cart-verify [--format text|json|junit|sarif|github] [--coverage] <file>...

Checks recorded traffic (HAR 1.2 files, Pact files v2/v3/v4) against the Partner Center cart contract shipped in
this package: each exchange must be an operation of the contract, its request acceptable to Partner Center and its
response as the contract describes. With json, junit and sarif, stdout holds only that document.
--coverage adds the operations, statuses and named scenarios the traffic exercised and missed.

Exit codes: 0 everything conforms; 1 something does not; 2 an input could not be verified.`;

const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** What a run prints: the document for stdout, notes for stderr, and the exit code. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: ExitCode;
}

function packageVersion(): string {
  const manifest = createRequire(import.meta.url).resolve('partner-center-cart-contract/package.json');
  return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version ?? '0.0.0');
}

function usageError(message: string): CommandOutput {
  return { stdout: '', stderr: `partner-center-cart-verify: ${message}\n\n${USAGE}\n`, exitCode: 2 };
}

/** The whole command, without touching the process: the bin prints the result and exits with its code. */
export async function runVerifyCommand(args: readonly string[]): Promise<CommandOutput> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(args);
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (parsed.help) return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
  if (parsed.files.length === 0) return usageError('no traffic file given; pass one or more HAR or Pact files');
  const operations = packagedContract();
  const report = await verifyTraffic(parsed.files, operations);
  const coverage = parsed.coverage ? coverageOf(report, operations) : undefined;
  const coverageLines = coverage === undefined ? '' : `${coverageText(coverage)}\n`;
  const summary = `${formatText(report)}\n`;
  switch (parsed.format) {
    case 'json':
      return { stdout: `${formatJson(report, coverage)}\n`, stderr: summary, exitCode: report.exitCode };
    case 'junit':
      return { stdout: `${formatJunit(report)}\n`, stderr: summary + coverageLines, exitCode: report.exitCode };
    case 'sarif':
      return { stdout: `${formatSarif(report, packageVersion())}\n`, stderr: summary + coverageLines, exitCode: report.exitCode };
    case 'github': {
      const annotations = formatGithub(report);
      return { stdout: `${annotations === '' ? '' : `${annotations}\n`}${summary}${coverageLines}`, stderr: '', exitCode: report.exitCode };
    }
    default:
      return { stdout: summary + coverageLines, stderr: '', exitCode: report.exitCode };
  }
}

function parseCommandLine(args: readonly string[]): { format: Format; coverage: boolean; help: boolean; files: string[] } {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      coverage: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')} (got ${format})`);
  return { format: format as Format, coverage: values.coverage === true, help: values.help === true, files: positionals };
}
