import { describe, expect, it } from 'vitest';
import { type CallOptions, isCartClientError } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID, rejectionOf, sendJson, TRANSPORTS } from '../support/hostile-server.js';
import { serversClosedAfterEach } from '../support/outside-run.js';

/*
 * Outside run (issue 12): a hostile or careless caller. Every call must settle (within its own deadline or signal)
 * and reject with a CartClientError, never a platform TypeError, and nothing may be sent on options that cannot
 * mean anything. Tests marked DEFECT fail until the fix proposed in the report lands; the others held.
 */

const startServer = serversClosedAfterEach();

const answerCart = () =>
  startServer((_request, response) => sendJson(response, 200, { id: CART_ID, lineItems: [] }, { 'MS-RequestId': CART_ID }));

describe.each(TRANSPORTS)('hostile callers over %s', (_, createClient) => {
  it('DEFECT: modifyCart whose mutator never settles ends at the caller signal, and frees the cart for later calls', async () => {
    const server = await answerCart();
    const client = createClient({ credential: 'token', baseUrl: server.url, timeouts: { overallMs: 200 } });
    const reason = new Error('the user left');
    const controller = new AbortController();
    const stuck = client.modifyCart(
      CUSTOMER_ID,
      CART_ID,
      () => {
        queueMicrotask(() => controller.abort(reason));
        return new Promise<void>(() => undefined);
      },
      { signal: controller.signal },
    );
    await expect(stuck).rejects.toBe(reason);
    // The next read-modify-write of the same cart is not held behind the one that never finished.
    await expect(client.modifyCart(CUSTOMER_ID, CART_ID, () => undefined)).resolves.toMatchObject({ id: CART_ID });
  }, 5_000);

  it('DEFECT: a later modifyCart queued behind a stuck one still ends at its own overall deadline', async () => {
    const server = await answerCart();
    const client = createClient({ credential: 'token', baseUrl: server.url, timeouts: { overallMs: 200 } });
    void client.modifyCart(CUSTOMER_ID, CART_ID, () => new Promise<void>(() => undefined)).catch(() => undefined);
    const queued = await rejectionOf(client.modifyCart(CUSTOMER_ID, CART_ID, () => undefined));
    expect(queued).toMatchObject({ kind: 'timeout', scope: 'overall' });
  }, 5_000);

  it.each<[string, CallOptions]>([
    ['retry.baseDelayMs NaN', { retry: { baseDelayMs: Number.NaN } }],
    ['retry.maxDelayMs negative', { retry: { maxDelayMs: -1 } }],
    ['retry.retryOn missing', { retry: { retryOn: undefined as unknown as number[] } }],
    ['timeouts.attemptMs NaN', { timeouts: { attemptMs: Number.NaN } }],
    ['timeouts.overallMs negative', { timeouts: { overallMs: -1 } }],
    ['requestId with CR LF', { requestId: 'a\r\nX-Injected: 1' }],
  ])(
    'DEFECT: a call with %s is refused with a validation error and sends nothing',
    async (_name, options) => {
      const server = await answerCart();
      const client = createClient({ credential: 'token', baseUrl: server.url });
      const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID, options));
      expect(isCartClientError(error) && error.kind, String(error)).toBe('validation');
      expect(server.requests).toHaveLength(0);
    },
    5_000,
  );

  it('DEFECT: a client.raw call with a relative baseUrl rejects with a validation error', async () => {
    const client = createClient({ credential: 'token', baseUrl: 'http://127.0.0.1:9' });
    const error = await rejectionOf(
      client.raw.GET('/v1/customers/{customer-id}/carts/{cart-id}', {
        baseUrl: '/relative',
        params: { path: { 'customer-id': CUSTOMER_ID, 'cart-id': CART_ID } },
      }),
    );
    expect(isCartClientError(error) && error.kind, String(error)).toBe('validation');
  });

  it.each<[string, (token: string) => unknown]>([
    ['a number', () => 42],
    ['an empty string', () => ''],
    ['an object with toString', () => ({ toString: () => 'token' })],
    ['a token with CR LF', () => 'token\r\nX-Injected: 1'],
    ['a token with non-Latin-1 characters', () => 'tök€n'],
    [
      'a thrown string',
      () => {
        throw 'boom';
      },
    ],
    ['a rejection with undefined', () => Promise.reject(undefined)],
  ])('a credential giving %s rejects with a credential error and sends nothing', async (_name, give) => {
    const server = await answerCart();
    const client = createClient({ credential: give as () => string, baseUrl: server.url });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'credential' });
    expect(server.requests).toHaveLength(0);
  });

  it('a 401 to a refreshing credential that returns the same token is resent exactly once', async () => {
    const server = await startServer((_request, response) => sendJson(response, 401, { code: 800001 }));
    const calls: boolean[] = [];
    const client = createClient({
      credential: ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return 'same-token';
      },
      baseUrl: server.url,
    });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'api', status: 401 });
    expect(calls).toEqual([false, true]);
    expect(server.requests).toHaveLength(2);
  });

  it('hooks and a logger that all throw change nothing: the 503 is retried and the call rejects typed', async () => {
    const server = await startServer((_request, response) => sendJson(response, 503, {}));
    const fail = (): never => {
      throw new Error('observer broke');
    };
    const client = createClient({
      credential: 'token',
      baseUrl: server.url,
      retry: { maxRetries: 1, baseDelayMs: 1 },
      hooks: { request: fail, response: fail, retry: fail, error: fail },
      logger: { debug: fail, info: fail, warn: fail, error: fail },
      logLevel: 'debug',
      onResponseDeviation: fail,
    });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'api', status: 503 });
    expect(server.requests).toHaveLength(2);
  });

  it('an abort during a long Retry-After wait ends the call with the caller reason at once', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    const server = await startServer((_request, response) => {
      sendJson(response, 503, {}, { 'Retry-After': '3600' });
      setImmediate(() => controller.abort(reason));
    });
    const client = createClient({ credential: 'token', baseUrl: server.url, timeouts: false, retry: { maxElapsedMs: 10_000_000 } });
    await expect(client.getCart(CUSTOMER_ID, CART_ID, { signal: controller.signal })).rejects.toBe(reason);
  }, 5_000);

  it.each<[string, (draft: object) => unknown, string]>([
    ['returns a number', () => 5, 'validation'],
    ['returns an array', () => [], 'validation'],
    ['makes the cart circular', (draft) => Object.assign(draft, { self: draft }), 'validation'],
    ['adds a BigInt', (draft) => Object.assign(draft, { big: 1n }), 'validation'],
  ])('a mutator that %s is refused typed, and the PUT is never sent', async (_name, mutate, kind) => {
    const server = await answerCart();
    const client = createClient({ credential: 'token', baseUrl: server.url });
    const error = await rejectionOf(client.modifyCart(CUSTOMER_ID, CART_ID, mutate as () => undefined));
    expect(error).toMatchObject({ kind });
    expect(server.requests.map((request) => request.method)).toEqual(['GET']);
  });
});
