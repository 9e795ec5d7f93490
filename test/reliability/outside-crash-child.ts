/*
 * Child process of outside-crash.test.ts: runs one scenario against the Node entry's client and prints `settled
 * <kind>` and, a moment later, `alive`. A process-level crash (an 'error' event nobody listens to, an exception
 * thrown in a timer) ends it before `alive`, with a non-zero exit code.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCartClient } from '../../src/node.js';

const CUSTOMER_ID = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
const CART_ID = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
const scenario = process.argv[2] ?? '';
const status = Number(/^status-(\d+)$/.exec(scenario)?.[1] ?? 503);

const server = createServer((_request, response) => {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = createCartClient({
  credential: 'token',
  baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  retry: { maxRetries: 1, baseDelayMs: 1 },
  validateResponses: 'off',
});
// `signal-not-a-signal`: what a JavaScript caller passes by mistake, where TypeScript would refuse it.
const options = scenario === 'signal-not-a-signal' ? ({ signal: {} } as unknown as { signal: AbortSignal }) : undefined;
const outcome = await client.getCart(CUSTOMER_ID, CART_ID, options).then(
  () => 'resolved',
  (error: unknown) => (error as { kind?: string }).kind ?? 'untyped',
);
console.log(`settled ${outcome}`);
await sleep(300);
console.log('alive');
server.close();
