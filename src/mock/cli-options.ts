/** For the `mock` and `fake` commands: the port from `--port <n>` / `--port=<n>`, else the PORT environment variable, else `fallback`. */
export function portFromArgs(args: readonly string[], fallback: number): number {
  const index = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const raw = index === -1 ? process.env.PORT : (args[index]?.split('=')[1] ?? args[index + 1]);
  if (raw === undefined || raw === '') return fallback;
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
