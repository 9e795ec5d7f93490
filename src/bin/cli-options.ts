import { parseArgs } from 'node:util';

/** What the `mock` and `fake` commands read from their command line. */
export interface ServerCommandLine {
  readonly help: boolean;
  readonly port: number;
}

/**
 * Parses `[--port <n>] [--help]`: the port from `--port`, else the PORT environment variable, else `fallback`.
 * Throws a message meant for the user on an unknown option or a bad port.
 */
export function parseServerCommandLine(args: readonly string[], fallback: number): ServerCommandLine {
  const { values } = parseArgs({
    args: [...args],
    options: { port: { type: 'string', short: 'p' }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const raw = values.port ?? process.env.PORT;
  return { help: values.help === true, port: raw === undefined || raw === '' ? fallback : toPort(raw) };
}

function toPort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port / PORT must be a port number 0-65535 (got ${raw}).`);
  }
  return port;
}

/** Runs `stop` once on Ctrl-C or SIGTERM, then exits. */
export function stopOnSignal(stop: () => Promise<void>): void {
  const shutdown = (): void => {
    console.log('\nStopping...');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Could not stop cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * Runs a command's `main` and turns a failure into one line on stderr and exit code 1: every failure of these
 * commands (a missing Prism, a bad --port, a taken port) is the user's to fix, and a stack trace would not say how.
 */
export function runCommand(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
