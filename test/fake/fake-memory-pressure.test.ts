import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchCartDriver } from '../support/cart-driver.js';
import { m365Line } from '../support/cart-fixtures.js';

const HEAP_MB = 256;
const PUTS = 300;
const BODY_BYTES = 900_000;

let child: ChildProcessByStdio<Writable, Readable, null> | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.stdin.end();
    await exited;
  }
  child = undefined;
});

/** Starts the fake in its own Node process with a small heap, as a user with a memory-limited CI job would. */
async function startFakeProcess(): Promise<{ url: string; customerId: string; cartId: string }> {
  child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', resolve('test/fake/fake-child.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return JSON.parse(line) as { url: string; customerId: string; cartId: string };
}

describe('fake cart service under memory pressure (child process)', () => {
  it(`survives ${PUTS} PUTs of ${BODY_BYTES / 1000} kB, each under its own MS-RequestId, with a ${HEAP_MB} MB heap`, async () => {
    const { url, customerId, cartId } = await startFakeProcess();
    const api = fetchCartDriver(url);
    const line = JSON.stringify(m365Line);
    for (let put = 0; put < PUTS; put++) {
      // A unique padding per PUT, so the fake cannot share one string between the answers it remembers.
      const padding = `${put}-${'x'.repeat(BODY_BYTES - line.length - 60)}`;
      const response = await api.updateCart(customerId, cartId, `{"lineItems":[${line}],"padding":"${padding}"}`, {
        requestId: randomUUID(),
      });
      expect(response.status).toBe(201);
    }
    const read = await api.getCart(customerId, cartId);
    expect(read.status).toBe(200);
    expect(String((read.body as { padding: string }).padding)).toMatch(new RegExp(`^${PUTS - 1}-`));
    expect(child?.exitCode).toBeNull();
  }, 180_000);
});
