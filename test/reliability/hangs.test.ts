import { afterEach, describe, expect, it } from 'vitest';
import { isCartClientError } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID, type HostileServer, rejectionOf, startHostileServer, TRANSPORTS } from '../support/hostile-server.js';

/*
 * No hang: a body that stalls after the headers, headers that never come, and a token provider that never settles
 * all end with a typed timeout at the deadline, or with the caller's reason when the caller aborts.
 */

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SHORT = { timeouts: { attemptMs: 150, overallMs: 5_000 }, retry: { maxRetries: 1, baseDelayMs: 1 } } as const;

describe.each(TRANSPORTS)('no hang over %s', (_, createClient) => {
  it('ends a body that stalls after the headers with an attempt timeout, after retrying it', async () => {
    server = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"id":');
    });
    const client = createClient({ credential: 'token', baseUrl: server.url, ...SHORT });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'timeout', scope: 'attempt', attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it('ends a stalled body when the caller aborts, with the caller reason, and without any deadline set', async () => {
    const controller = new AbortController();
    const reason = new Error('the user left');
    server = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"id":', () => setImmediate(() => controller.abort(reason)));
    });
    const client = createClient({ credential: 'token', baseUrl: server.url, timeouts: false, retry: false });
    await expect(client.getCart(CUSTOMER_ID, CART_ID, { signal: controller.signal })).rejects.toBe(reason);
  });

  it('ends headers that never come with an overall timeout when it comes first', async () => {
    server = await startHostileServer(() => undefined);
    const client = createClient({ credential: 'token', baseUrl: server.url, timeouts: { attemptMs: 10_000, overallMs: 150 } });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'timeout', scope: 'overall' });
  });

  it('ends a token provider that never settles at the deadline, and hands it the signal', async () => {
    server = await startHostileServer(() => undefined);
    const seen: AbortSignal[] = [];
    const client = createClient({
      credential: ({ signal }) => {
        seen.push(signal);
        return new Promise<string>(() => undefined);
      },
      baseUrl: server.url,
      ...SHORT,
    });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(isCartClientError(error) && error.kind).toBe('timeout');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((signal) => signal.aborted)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('ends a token provider that never settles when the caller aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    const client = createClient({
      credential: () => {
        queueMicrotask(() => controller.abort(reason));
        return new Promise<string>(() => undefined);
      },
      baseUrl: 'http://127.0.0.1:9',
      timeouts: false,
    });
    await expect(client.getCart(CUSTOMER_ID, CART_ID, { signal: controller.signal })).rejects.toBe(reason);
  });
});
