/**
 * The one way a script becomes a command: `runMain(import.meta.url, main)` runs `main` only when the file is the
 * process's entry point (so tests can import the script's functions), and turns its outcome into an exit code.
 *
 * Exit codes, the same for every script and output format:
 *   0  the job ran and found nothing to stop for;
 *   1  the job ran and found problems (lint findings, a breaking change, drift), or the spec cannot be read;
 *   2  the job could not run (bad arguments, an unknown git ref, a missing tool).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecSourceError } from './spec/source-error.js';

/** Bad command-line arguments: the message says the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Main = (argv: string[]) => Promise<number | undefined> | number | undefined;

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS_');
}

function exitCodeFor(error: unknown, usage: string): { code: number; message: string } {
  if (error instanceof SpecSourceError) {
    return {
      code: 1,
      message: `error: ${error.message}\nThe spec could not be read; fix the file and line above, then run the command again.`,
    };
  }
  if (error instanceof UsageError || isParseArgsError(error)) return { code: 2, message: `error: ${error.message}\n${usage}` };
  return { code: 2, message: `error: ${error instanceof Error ? error.message : String(error)}` };
}

export function runMain(moduleUrl: string, usage: string, main: Main): void {
  const entry = process.argv[1];
  if (!entry || resolve(entry) !== fileURLToPath(moduleUrl)) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (error: unknown) => {
        const { code, message } = exitCodeFor(error, usage);
        console.error(message);
        process.exitCode = code;
      },
    );
}
