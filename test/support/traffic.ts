import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCartClient, type FetchLike } from '../../src/index.js';
import { type HarLog, recordHar } from '../../src/record/index.js';
import type { FakeCartService } from '../../src/fake/index.js';
import { runVerifyCommand } from '../../src/verify/command.js';
import { activeCart, updateBody } from './cart-fixtures.js';

/** A scratch directory for traffic files, removed by `remove()`. */
export function scratchDir(): { dir: string; write: (name: string, document: unknown) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pc-verify-'));
  return {
    dir,
    write: (name, document) => {
      const file = join(dir, name);
      writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document, null, 2));
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface VerifyRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs the verify command in this process, exactly as the bin does. */
export function verify(...args: string[]): Promise<VerifyRun> {
  return runVerifyCommand(args);
}

/** The findings of a `--format json` run. */
export interface JsonFinding {
  location: string;
  index: number;
  where: string;
  part: string;
  path: string;
  rule: string;
  value: string;
  severity: string;
}

export async function verifyJson(file: string): Promise<{ exitCode: number; findings: JsonFinding[]; errors: JsonFinding[] }> {
  const run = await verify('--format', 'json', file);
  const document = JSON.parse(run.stdout) as { files: Array<{ findings: JsonFinding[] }> };
  const findings = document.files.flatMap((entry) => entry.findings);
  return { exitCode: run.exitCode, findings, errors: findings.filter((finding) => finding.severity === 'error') };
}

/** The token the recorded clients use; it must never appear in any output. */
export const SECRET_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXNlY3JldA';

/** A typed client whose exchanges are recorded; `before` may change a request before the recorder sees it. */
export function recordingClient(baseUrl: string, before: (next: FetchLike) => FetchLike = (next) => next) {
  const recorder = recordHar((input, init) => fetch(input, init));
  const client = createCartClient({
    credential: SECRET_TOKEN,
    baseUrl,
    fetch: before(recorder.fetch),
    retry: false,
    validateResponses: 'off',
  });
  return { client, recorder };
}

export function readHarFile(file: string): HarLog {
  return JSON.parse(readFileSync(file, 'utf8')) as HarLog;
}

/** GET, PUT, a read-modify-write and a 404 against the fake, recorded. */
export async function recordAgainstFake(service: FakeCartService): Promise<HarLog> {
  const cart = activeCart();
  service.seedCart(cart);
  const { client, recorder } = recordingClient(service.url);
  await client.getCart(cart.customerId, cart.id);
  await client.updateCart(cart.customerId, cart.id, updateBody(3) as never);
  await client.modifyCart(cart.customerId, cart.id, (draft) => {
    const [line] = draft.lineItems ?? [];
    if (line) line.quantity += 1;
  });
  await client.getCart(cart.customerId, crypto.randomUUID()).catch(() => undefined);
  return recorder.har();
}
