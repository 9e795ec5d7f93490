import { describe, expect, it } from 'vitest';
import { type CallOptions, isCartClientError } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID, rejectionOf, sendJson, TRANSPORTS } from '../support/hostile-server.js';
import { serversClosedAfterEach } from '../support/outside-run.js';

/*
 * Outside run (issue 12): a hostile or careless caller. Every call must settle (within its own deadline or signal)
 * and reject with a CartClientError, never a platform TypeError, and nothing may be sent on options that cannot
 * mean anything. The first run found the stuck mutator, the unchecked settings, the CR/LF id and the relative raw
 * baseUrl; the others held.
 */

const startServer = serversClosedAfterEach();

const answerCart = () =>
  startServer((_request, response) => sendJson(response, 200, { id: CART_ID, lineItems: [] }, { 'MS-RequestId': CART_ID }));

describe.each(TRANSPORTS)('hostile callers over %s', (_, createClient) => {
  it('modifyCart whose mutator never settles ends at the caller signal, and frees the cart for later calls', async () => {
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

  it('a later modifyCart queued behind a stuck one still ends at its own overall deadline', async () => {
    const server = await answerCart();
    const client = createClient({ credential: 'token', baseUrl: server.url, timeouts: { overallMs: 200 } });
    void client.modifyCart(CUSTOMER_ID, CART_ID, () => new Promise<void>(() => undefined)).catch(() => undefined);
    const queued = await rejectionOf(client.modifyCart(CUSTOMER_ID, CART_ID, () => undefined));
    expect(queued).toMatchObject({ kind: 'timeout', scope: 'overall' });
  }, 5_000);

  it.each<[string, CallOptions]>([
    ['retry.baseDelayMs NaN', { retry: { baseDelayMs: Number.NaN } }],
    ['retry.maxDelayMs negative', { retry: { maxDelayMs: -1 } }],
    ['retry.retryOn not a list of statuses', { retry: { retryOn: '429' as unknown as number[] } }],
    ['retry.maxRetries fractional', { retry: { maxRetries: 1.5 } }],
    ['a correlationId with CR LF', { correlationId: 'a\r\nX-Injected: 1' }],
    ['timeouts.attemptMs NaN', { timeouts: { attemptMs: Number.NaN } }],
    ['timeouts.overallMs negative', { timeouts: { overallMs: -1 } }],
    ['requestId with CR LF', { requestId: 'a\r\nX-Injected: 1' }],
  ])(
    'a call with %s is refused with a validation error and sends nothing',
    async (_name, options) => {
      const server = await answerCart();
      const client = createClient({ credential: 'token', baseUrl: server.url });
      const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID, options));
      expect(isCartClientError(error) && error.kind, String(error)).toBe('validation');
      expect(server.requests).toHaveLength(0);
    },
    5_000,
  );

  it('a call whose retry and timeouts settings are given as undefined keeps the defaults (as if left out) and is answered', async () => {
    // Partial<RetryOptions> allows an explicit undefined; it once replaced the default list and made a 200 a network error.
    const server = await answerCart();
    const client = createClient({
      credential: 'token',
      baseUrl: server.url,
      retry: { retryOn: undefined },
      timeouts: { attemptMs: undefined },
    });
    const options: CallOptions = { retry: { retryOn: undefined, baseDelayMs: undefined }, timeouts: { overallMs: undefined } };
    await expect(client.getCart(CUSTOMER_ID, CART_ID, options)).resolves.toMatchObject({ id: CART_ID });
    expect(server.requests).toHaveLength(1);
  });

  it('a client whose own retry or timeout settings cannot mean anything is refused at creation, naming the setting', () => {
    expect(() => createClient({ credential: 'token', retry: { baseDelayMs: Number.NaN } })).toThrow(/retry\.baseDelayMs must be/);
    expect(() => createClient({ credential: 'token', timeouts: { overallMs: -1 } })).toThrow(/timeouts\.overallMs must be/);
    expect(() => createClient({ credential: 'token', throttling: { maxConcurrentPerCustomer: 0 } })).toThrow(
      /throttling\.maxConcurrentPerCustomer must be a number above 0/,
    );
    expect(() => createClient({ credential: 'token', throttling: { maxPauseMs: Number.NaN } })).toThrow(/throttling\.maxPauseMs must be/);
  });

  it('a client.raw call with a signal that is not one rejects with a validation error and sends nothing', async () => {
    const server = await answerCart();
    const client = createClient({ credential: 'token', baseUrl: server.url });
    const error = await rejectionOf(
      client.raw.GET('/v1/customers/{customer-id}/carts/{cart-id}', {
        params: { path: { 'customer-id': CUSTOMER_ID, 'cart-id': CART_ID } },
        signal: {} as AbortSignal,
      }),
    );
    expect(isCartClientError(error) && error.kind, String(error)).toBe('validation');
    expect(server.requests).toHaveLength(0);
  });

  it('a client.raw call with a relative baseUrl rejects with a validation error', async () => {
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
    ['a blank string', () => '   '],
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
