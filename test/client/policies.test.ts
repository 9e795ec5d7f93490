import { describe, expect, it } from 'vitest';
import { createCartClient, PartnerCenterCredentialError, PartnerCenterTimeoutError } from '../../src/index.js';
import { CART_ID, createObservedFetch, CUSTOMER_ID, hangUntilAborted, json, serviceCart, TOKEN } from '../support/observed-fetch.js';

const FAST = { baseDelayMs: 1, maxDelayMs: 2 };

describe('header policies', () => {
  it('sends the bearer token, ids, locale and client name, with per-call ids winning', async () => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const correlationId = '11111111-2222-4333-8444-555555555555';
    const client = createCartClient({ credential: TOKEN, fetch, locale: 'de-DE', correlationId, clientName: 'contoso-portal' });
    await client.getCart(CUSTOMER_ID, CART_ID);
    const perCall = { correlationId: '99999999-2222-4333-8444-555555555555', requestId: '88888888-2222-4333-8444-555555555555' };
    await client.getCart(CUSTOMER_ID, CART_ID, perCall);
    expect(requests[0]?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'ms-correlationid': correlationId,
      'x-locale': 'de-DE',
      'ms-partnercenter-client': 'contoso-portal',
    });
    expect(requests[1]?.headers).toMatchObject({ 'ms-correlationid': perCall.correlationId, 'ms-requestid': perCall.requestId });
    expect(requests[0]?.url).toBe(`https://api.partnercenter.microsoft.com/v1/customers/${CUSTOMER_ID}/carts/${CART_ID}`);
  });

  it('uses one fresh correlation id per client by default and en-US', async () => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const first = createCartClient({ credential: TOKEN, fetch });
    await first.getCart(CUSTOMER_ID, CART_ID);
    await first.getCart(CUSTOMER_ID, CART_ID);
    await createCartClient({ credential: TOKEN, fetch }).getCart(CUSTOMER_ID, CART_ID);
    const ids = requests.map((request) => request.headers['ms-correlationid']);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(requests[0]?.headers['x-locale']).toBe('en-US');
  });

  it('calls the token provider before every attempt, so a retry uses the refreshed token', async () => {
    let issued = 0;
    const { fetch, requests } = createObservedFetch((_, attempt) => (attempt < 3 ? json(503, {}) : json(200, serviceCart())));
    const client = createCartClient({ credential: async () => `token-${++issued}`, fetch, retry: FAST });
    await client.getCart(CUSTOMER_ID, CART_ID);
    expect(requests.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-3']);
  });

  it('reports a failing token provider as a credential error without sending anything', async () => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const client = createCartClient({ credential: () => Promise.reject(new Error('login expired')), fetch, retry: FAST });
    const error = await client.getCart(CUSTOMER_ID, CART_ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartnerCenterCredentialError);
    expect((error as PartnerCenterCredentialError).kind).toBe('credential');
    expect(requests).toHaveLength(0);
  });
});

describe('timeouts and abort', () => {
  it('times out each attempt, retries with the same request id, then reports the attempts', async () => {
    const { fetch, requests } = createObservedFetch(hangUntilAborted);
    const client = createCartClient({ credential: TOKEN, fetch, retry: { ...FAST, maxRetries: 2 }, timeouts: { attemptMs: 20 } });
    const error = (await client.getCart(CUSTOMER_ID, CART_ID).catch((caught: unknown) => caught)) as PartnerCenterTimeoutError;
    expect(error).toBeInstanceOf(PartnerCenterTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', scope: 'attempt', timeoutMs: 20, attempts: 3 });
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.headers['ms-requestid'])).size).toBe(1);
    expect(requests.every((request) => request.signal.aborted)).toBe(true);
  });

  it('ends the whole call at the overall deadline, during an attempt or a wait', async () => {
    const { fetch, requests } = createObservedFetch(hangUntilAborted);
    const client = createCartClient({ credential: TOKEN, fetch, timeouts: { attemptMs: 60_000, overallMs: 30 } });
    await expect(client.getCart(CUSTOMER_ID, CART_ID)).rejects.toMatchObject({ kind: 'timeout', scope: 'overall', attempts: 1 });
    expect(requests).toHaveLength(1);

    const waiting = createObservedFetch(() => json(503, {}, { 'Retry-After': '50' }));
    const slowRetry = createCartClient({
      credential: TOKEN,
      fetch: waiting.fetch,
      retry: { maxElapsedMs: 600_000 },
      timeouts: { overallMs: 30 },
    });
    await expect(slowRetry.getCart(CUSTOMER_ID, CART_ID)).rejects.toMatchObject({ kind: 'timeout', scope: 'overall' });
    expect(waiting.requests).toHaveLength(1);
  });

  it("honours the caller's signal: rejects with its reason and does not retry", async () => {
    const { fetch, requests } = createObservedFetch(hangUntilAborted);
    const client = createCartClient({ credential: TOKEN, fetch, retry: FAST });
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const call = client.getCart(CUSTOMER_ID, CART_ID, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 10);
    await expect(call).rejects.toBe(reason);
    expect(requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const client = createCartClient({ credential: TOKEN, fetch, timeouts: false });
    const error = await client.getCart(CUSTOMER_ID, CART_ID, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect(requests).toHaveLength(0);
  });
});
