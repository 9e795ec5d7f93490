import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import { watchdogScriptPath, WATCHDOG_FD } from './prism-watchdog.js';

/** How to start Prism. */
export interface PrismOptions {
  /** Path (or URL) of the OpenAPI document Prism serves, e.g. `generated/openapi.json`. */
  specPath: string;
  /** `mock` answers from the spec's examples; `proxy` forwards to `upstream` and validates both directions. Default `mock`. */
  mode?: 'mock' | 'proxy';
  /** Base URL of the implementation behind the proxy; required for `proxy`, refused for `mock`. */
  upstream?: string;
  /** Turn contract violations into error responses (`--errors`) instead of only an `sl-violations` header. */
  errors?: boolean;
  /** Port to listen on; default a free port chosen by the operating system. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Generate responses from the schemas instead of serving examples (`-d`, mock only). */
  dynamic?: boolean;
  /** How long to wait for Prism to answer its first request before giving up; default 30 000 ms. */
  startTimeoutMs?: number;
}

/** A Prism process that answers HTTP requests. */
export interface RunningPrism {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  port: number;
  /** Operating-system process id of Prism (for checks that nothing is left behind). */
  pid: number;
  /** Stops Prism: SIGTERM, then SIGKILL if it is still running after a few seconds. Safe to call twice. */
  stop(): Promise<void>;
  /** Everything Prism printed so far (stdout and stderr interleaved, most recent 256 kB). */
  logs(): string;
}

export const PRISM_INSTALL_HINT = 'npm install --save-dev @stoplight/prism-cli@5.14.2';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_START_TIMEOUT_MS = 30_000;
const TERM_GRACE_MS = 3_000;
const LOG_LIMIT_CHARS = 256 * 1024;
const STDERR_TAIL_CHARS = 2_000;
const PORT_ATTEMPTS = 3;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Starts Prism from the installed `@stoplight/prism-cli` with Node directly and resolves once it answers
 * a real HTTP request. The Prism process exits by itself if this process dies, so a killed test runner
 * leaves nothing behind.
 *
 * @example
 * ```ts
 * const prism = await startPrism({ specPath: 'generated/openapi.json' });
 * const res = await fetch(`${prism.url}/v1/customers/c/carts/x`, { headers: { Authorization: 'Bearer t' } });
 * await prism.stop();
 * ```
 */
export async function startPrism(options: PrismOptions): Promise<RunningPrism> {
  const mode = options.mode ?? 'mock';
  if (mode === 'proxy' && !options.upstream) {
    throw new Error(
      'startPrism: mode "proxy" needs an upstream URL (the implementation to validate), e.g. upstream: "http://127.0.0.1:4011".',
    );
  }
  if (mode === 'mock' && options.upstream) {
    throw new Error('startPrism: "upstream" only applies to mode "proxy"; remove it or set mode: "proxy".');
  }
  if (mode === 'proxy' && options.dynamic) {
    throw new Error('startPrism: "dynamic" only applies to mode "mock"; Prism proxy answers with the upstream responses.');
  }
  const cliPath = resolvePrismCli();
  const host = options.host ?? DEFAULT_HOST;
  const attempts = options.port === undefined ? PORT_ATTEMPTS : 1;
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = options.port ?? (await findFreePort(host));
    try {
      return await launch(cliPath, mode, options, host, port);
    } catch (error) {
      lastError = error as Error;
      // A free port found by listening on port 0 can be taken by someone else before Prism binds it.
      if (!(error instanceof PortTakenError)) throw error;
    }
  }
  throw lastError ?? new Error('startPrism: could not start Prism.');
}

/** Absolute path of Prism's CLI entry point, or an error telling how to install it. */
export function resolvePrismCli(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve('@stoplight/prism-cli/dist/index.js');
  } catch {
    throw new Error(
      `Prism is not installed: @stoplight/prism-cli could not be resolved from ${import.meta.url}. Install it next to this package with: ${PRISM_INSTALL_HINT}`,
    );
  }
}

class PortTakenError extends Error {}

async function launch(cliPath: string, mode: 'mock' | 'proxy', options: PrismOptions, host: string, port: number): Promise<RunningPrism> {
  const args = ['-r', watchdogScriptPath(), cliPath, mode, options.specPath];
  if (mode === 'proxy' && options.upstream) args.push(options.upstream);
  args.push('-h', host, '-p', String(port));
  if (options.errors) args.push('--errors');
  if (options.dynamic) args.push('-d');

  // Prism runs under plain node: loaders that NODE_OPTIONS may carry from the test runner (tsx, vitest)
  // only slow it down. Colours would end up as escape codes in logs().
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', SCARF_ANALYTICS: 'false' };
  delete env.NODE_OPTIONS;
  const stdio: Array<'ignore' | 'pipe'> = ['ignore', 'pipe', 'pipe'];
  while (stdio.length <= WATCHDOG_FD) stdio.push('pipe');
  const child = spawn(process.execPath, args, { env, stdio });
  trackUntilExit(child);

  const log = createLogBuffer();
  pipeInto(child.stdout, log.append);
  pipeInto(child.stderr, (text) => {
    log.append(text);
    log.appendStderr(text);
  });
  // The watchdog inside Prism sees end-of-file on this pipe when we die; it must not keep us alive.
  const watchdogPipe = child.stdio[WATCHDOG_FD] as (Readable & { unref?: () => void }) | null;
  watchdogPipe?.unref?.();

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= terminate(child, exited).finally(() => watchdogPipe?.destroy());
    return stopping;
  };

  try {
    await waitUntilAnswering(url, exited, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  } catch (error) {
    await stop();
    const tail = log.stderrTail();
    const detail = tail ? `\nPrism's stderr (last lines):\n${tail}` : '';
    if (/EADDRINUSE/.test(log.text()) && options.port === undefined)
      throw new PortTakenError(`Port ${port} was taken before Prism could bind it.`);
    throw new Error(
      `Prism (${mode} of ${options.specPath}) did not start on ${url}: ${(error as Error).message}. Check the spec path and that the port is free.${detail}`,
    );
  }

  if (child.pid === undefined) throw new Error('Prism started without a process id.');
  return { url, port, pid: child.pid, stop, logs: log.text };
}

async function waitUntilAnswering(url: string, exited: Promise<[number | null, NodeJS.Signals | null]>, timeoutMs: number): Promise<void> {
  let exitInfo: string | undefined;
  void exited.then(([code, signal]) => {
    exitInfo = `it exited early (code ${code ?? 'none'}, signal ${signal ?? 'none'})`;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitInfo) throw new Error(exitInfo);
    try {
      // Any HTTP answer (even Prism's 404 for an unknown path) means the server is up.
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(exitInfo ?? `no HTTP answer within ${timeoutMs} ms`);
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), TERM_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(killTimer);
  }
}

function trackUntilExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // An orderly exit without stop() (e.g. a script that forgot it) still takes Prism down at once;
    // the watchdog covers the disorderly cases.
    process.once('exit', () => {
      for (const leftover of running) leftover.kill('SIGKILL');
    });
  }
}

function pipeInto(stream: Readable | null, sink: (text: string) => void): void {
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => sink(chunk));
}

function createLogBuffer(): { append(text: string): void; appendStderr(text: string): void; text(): string; stderrTail(): string } {
  let all = '';
  let stderr = '';
  return {
    append(text) {
      all = (all + text).slice(-LOG_LIMIT_CHARS);
    },
    appendStderr(text) {
      stderr = (stderr + text).slice(-STDERR_TAIL_CHARS);
    },
    text: () => all,
    stderrTail: () => stderr.trim(),
  };
}

/** A port that is free right now on `host`, found by letting the operating system pick one. */
export async function findFreePort(host = DEFAULT_HOST): Promise<number> {
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error(`Could not find a free port on ${host}.`);
  return address.port;
}
