import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntilGone } from '../support/processes.js';

/*
 * Second outside run (issues 12 and 14): the commands (`partner-center-cart-fake`, `partner-center-cart-mock`) and
 * the cart mock's front, as an outsider would run and attack them: bad flags, a taken port, SIGTERM while serving
 * and while starting, hostile requests. Found: one client that reset its connection mid-body, or one PUT body
 * nested 100 000 deep, ended the mock's process with a stack trace (a rejection of the front's async request
 * handler, then a RangeError of the service-acceptance reading); and the front forwarded a request whose target
 * was `//host/path` or `http://host/path`, token included, to that host instead of to Prism. Each command runs in a
 * child process; every child is killed after its test, and no Prism may outlive its command.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FAKE_BIN = 'src/bin/fake.ts';
const MOCK_BIN = 'src/bin/mock.ts';
const FRONT_CHILD = 'test/reliability/outside2-front-child.ts';

interface Running {
  readonly child: ChildProcess;
  readonly marker: string;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();
const servers = new Set<Server>();
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  await Promise.all([...servers].map((server) => new Promise((resolve) => server.close(resolve))));
  servers.clear();
});

/** Runs a TypeScript entry with tsx, marked by an environment variable that its own children (Prism) inherit. */
function run(file: string, args: string[] = []): Running {
  const marker = randomUUID();
  const env = { ...process.env, OUTSIDE2_MARKER: marker, PORT: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, marker, stdout: () => stdout, stderr: () => stderr, exited };
}

/** The URL a command prints once it listens (`... listening on http://...` or the front child's JSON line). */
async function listeningUrl(running: Running): Promise<string> {
  for (let round = 0; round < 1_200; round += 1) {
    const found = /(http:\/\/127\.0\.0\.1:\d+)/.exec(running.stdout())?.[1];
    if (found) return found;
    if (running.child.exitCode !== null) throw new Error(`exited early: ${running.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never listened: ${running.stderr()}`);
}

/** Processes of this user whose environment carries `marker` (the command and anything it started). */
function processesMarked(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`OUTSIDE2_MARKER=${marker}`)) found.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

async function noneLeft(marker: string): Promise<number[]> {
  for (const pid of processesMarked(marker)) await waitUntilGone(pid, 10_000);
  return processesMarked(marker).filter((pid) => {
    try {
      return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z');
    } catch {
      return false;
    }
  });
}

/** A port something already listens on. */
async function takenPort(): Promise<number> {
  const server = createServer();
  servers.add(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends raw bytes to `url`'s port; resolves with the answer's status line (or '' when there was none). */
function rawRequest(url: string, text: string, resetAfterMs?: number): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.write(text));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    if (resetAfterMs !== undefined) setTimeout(() => socket.resetAndDestroy(), resetAfterMs);
    else setTimeout(() => socket.destroy(), 5_000);
  });
}

/** Hostile requests no server may die of: a reset mid-body, a body 100 000 deep, odd request targets. */
async function attack(url: string, elsewhere: string): Promise<void> {
  const host = new URL(elsewhere).host;
  await rawRequest(url, 'PUT /v1/customers/a/carts/b HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"lineItems":', 100);
  const deep = `{"lineItems":[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]}`;
  await fetch(`${url}/v1/customers/0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/carts/b4c8fdea-cbe4-4d17-9576-13fcacbf9605`, {
    method: 'PUT',
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
    body: deep,
  }).then(
    (answer) => answer.body?.cancel(),
    () => undefined,
  );
  await rawRequest(url, `GET //${host}/stolen HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer stolen\r\nConnection: close\r\n\r\n`);
  await rawRequest(url, `GET http://${host}/stolen HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer stolen\r\nConnection: close\r\n\r\n`);
}

/** A server that counts what reaches it: nothing may, from the attacks above. */
async function elsewhereServer(): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.end('{}');
  });
  servers.add(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

/** Starts a command on a free port and attacks it; nothing may reach the server elsewhere. */
async function startAndAttack(bin: string): Promise<{ running: Running; url: string }> {
  const running = run(bin, ['--port', '0']);
  const url = await listeningUrl(running);
  const elsewhere = await elsewhereServer();
  await attack(url, elsewhere.url);
  expect(elsewhere.hits).toEqual([]);
  return { running, url };
}

/** A PUT whose body never completes, in flight when SIGTERM comes. */
const unfinishedPut = (url: string): Promise<string> =>
  rawRequest(url, 'PUT /v1/customers/a/carts/b HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{');

const ONE_LINE = /^partner-center-cart-(fake|mock): [^\n]+\n$/;

describe('partner-center-cart-fake', () => {
  it.each([[['--bogus']], [['--port', '70000']], [['--port', 'abc']], [['-p']], [['extra']]])(
    '%j: exit 1 with one line on stderr and no stack trace',
    async (args) => {
      const running = run(FAKE_BIN, args);
      expect(await running.exited).toEqual({ code: 1, signal: null });
      expect(running.stderr()).toMatch(ONE_LINE);
    },
  );

  it('a taken port: exit 1 with one line; --help: exit 0 with the usage, which names the exit codes', async () => {
    const running = run(FAKE_BIN, ['--port', String(await takenPort())]);
    expect(await running.exited).toEqual({ code: 1, signal: null });
    expect(running.stderr()).toMatch(ONE_LINE);
    expect(running.stderr()).toContain('EADDRINUSE');
    const help = run(FAKE_BIN, ['--help']);
    expect(await help.exited).toEqual({ code: 0, signal: null });
    expect(help.stdout()).toContain('Exit codes');
  });

  it('survives hostile requests, then SIGTERM with a request in flight stops it with exit 0', async () => {
    const { running, url } = await startAndAttack(FAKE_BIN);
    const inFlight = unfinishedPut(url);
    const answer = await fetch(`${url}/v1/customers/a/carts/b`, { headers: { Authorization: 'Bearer t' } });
    expect(answer.status).toBeLessThan(500);
    await answer.body?.cancel();
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    await inFlight;
    expect(running.stderr()).toBe('');
  });
});

describe('the cart mock front (src/mock/service-front.ts) before a stand-in upstream', () => {
  it('a reset mid-body, a PUT 100 000 deep and //host or http://host targets neither end it nor leave it', async () => {
    const running = run(FRONT_CHILD);
    const url = await listeningUrl(running);
    const elsewhere = await elsewhereServer();
    await attack(url, elsewhere.url);
    // Before the fix the process had died of the reset (exit 1, "Error: aborted"); and `elsewhere` had been sent
    // both stolen requests with their Authorization header.
    const answer = await fetch(`${url}/v1/customers/a/carts/b`);
    expect(answer.status).toBe(200);
    await answer.body?.cancel();
    expect(elsewhere.hits).toEqual([]);
    expect(running.child.exitCode).toBeNull();
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.stderr()).toBe('');
  });
});

describe('partner-center-cart-mock (Prism behind the front)', () => {
  it('a taken port: exit 1 with one line, and the Prism it had started is gone', async () => {
    const running = run(MOCK_BIN, ['--port', String(await takenPort())]);
    expect(await running.exited).toEqual({ code: 1, signal: null });
    expect(running.stderr()).toMatch(ONE_LINE);
    expect(await noneLeft(running.marker)).toEqual([]);
  });

  it('survives hostile requests; SIGTERM with a request in flight: exit 0 and no Prism left', async () => {
    const { running, url } = await startAndAttack(MOCK_BIN);
    const inFlight = unfinishedPut(url);
    expect(running.child.exitCode).toBeNull();
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    await inFlight;
    expect(await noneLeft(running.marker)).toEqual([]);
  });

  it('SIGTERM while Prism is still starting ends the command and leaves no Prism', async () => {
    const running = run(MOCK_BIN, ['--port', '0']);
    for (let round = 0; round < 400 && processesMarked(running.marker).length < 2; round += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
    running.child.kill('SIGTERM');
    const { code, signal } = await running.exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(await noneLeft(running.marker)).toEqual([]);
  });
});
