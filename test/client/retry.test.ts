import { describe, expect, it } from 'vitest';
import { createCartClient, PartnerCenterApiError, PartnerCenterNetworkError } from '../../src/index.js';
import { composePipeline } from '../../src/pipeline/pipeline.js';
import { createFetchTransport } from '../../src/transport/fetch-transport.js';
import { parseRetryAfter } from '../../src/pipeline/retry-after.js';
import { backoffDelay, DEFAULT_RETRY, retryPolicy, type RetryClock } from '../../src/pipeline/retry-policy.js';
import { CART_ID, createObservedFetch, CUSTOMER_ID, json, serviceCart, TOKEN } from '../support/observed-fetch.js';

const FAST = { baseDelayMs: 1, maxDelayMs: 2 };

/** A clock that records the waits instead of sleeping. */
function recordingClock(now = 1_000_000, random = 0.5): RetryClock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, now: () => now, random: () => random, wait: async (ms) => void waits.push(ms) };
}

describe('retryPolicy', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'retries %i up to maxRetries and then returns the last answer as an API error',
    async (status) => {
      const { fetch, requests } = createObservedFetch(() => json(status, { code: 1, description: 'busy' }));
      const client = createCartClient({ credential: TOKEN, fetch, retry: { ...FAST, maxRetries: 2 } });
      const error = await client.getCart(CUSTOMER_ID, CART_ID).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PartnerCenterApiError);
      expect((error as PartnerCenterApiError).status).toBe(status);
      expect(requests).toHaveLength(3);
    },
  );

  it.each([400, 401, 403, 404, 409])('does not retry %i', async (status) => {
    const { fetch, requests } = createObservedFetch(() => json(status, { code: 1, description: 'no' }));
    const client = createCartClient({ credential: TOKEN, fetch, retry: FAST });
    await expect(client.getCart(CUSTOMER_ID, CART_ID)).rejects.toBeInstanceOf(PartnerCenterApiError);
    expect(requests).toHaveLength(1);
  });

  it('uses the default of 3 retries, succeeding on the fourth attempt', async () => {
    const { fetch, requests } = createObservedFetch((_, attempt) =>
      attempt < 4 ? json(503, { code: 1, description: 'x' }) : json(200, serviceCart()),
    );
    const client = createCartClient({ credential: TOKEN, fetch, retry: FAST });
    await expect(client.getCart(CUSTOMER_ID, CART_ID)).resolves.toMatchObject({ id: CART_ID });
    expect(requests).toHaveLength(4);
    expect(DEFAULT_RETRY.maxRetries).toBe(3);
  });

  it('sends one request only when retries are turned off', async () => {
    const { fetch, requests } = createObservedFetch(() => json(503, { code: 1, description: 'x' }));
    const client = createCartClient({ credential: TOKEN, fetch, retry: false });
    await expect(client.getCart(CUSTOMER_ID, CART_ID)).rejects.toMatchObject({ kind: 'api', status: 503 });
    expect(requests).toHaveLength(1);
  });

  it('keeps the same MS-RequestId across the retries of one call and a fresh one for the next call', async () => {
    const { fetch, requests } = createObservedFetch((_, attempt) =>
      attempt % 3 === 0 ? json(200, serviceCart()) : json(500, { code: 1, description: 'x' }),
    );
    const client = createCartClient({ credential: TOKEN, fetch, retry: FAST });
    await client.getCart(CUSTOMER_ID, CART_ID);
    await client.getCart(CUSTOMER_ID, CART_ID);
    const ids = requests.map((request) => request.headers['ms-requestid']);
    expect(ids).toHaveLength(6);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(new Set(ids.slice(3)).size).toBe(1);
    expect(ids[0]).not.toBe(ids[3]);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('replays the PUT body on every attempt', async () => {
    const { fetch, requests } = createObservedFetch((_, attempt) =>
      attempt < 3 ? json(503, { code: 1, description: 'x' }) : json(201, serviceCart()),
    );
    const client = createCartClient({ credential: TOKEN, fetch, retry: FAST });
    const cart = { lineItems: [{ catalogItemId: 'A:1:2', quantity: 3, billingCycle: 'monthly' as const }] };
    await client.updateCart(CUSTOMER_ID, CART_ID, cart);
    expect(requests.map((request) => request.body)).toEqual(Array(3).fill(JSON.stringify(cart)));
  });

  it('retries network failures and then reports the attempts and the last cause', async () => {
    const { fetch, requests } = createObservedFetch(() => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    });
    const client = createCartClient({ credential: TOKEN, fetch, retry: { ...FAST, maxRetries: 2 } });
    const error = (await client.getCart(CUSTOMER_ID, CART_ID).catch((caught: unknown) => caught)) as PartnerCenterNetworkError;
    expect(error).toBeInstanceOf(PartnerCenterNetworkError);
    expect(error.kind).toBe('network');
    expect(error.attempts).toBe(3);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(requests).toHaveLength(3);
  });

  it('waits what Retry-After asks, in seconds or as an HTTP date', async () => {
    const clock = recordingClock();
    const date = new Date(clock.now() + 7_000).toUTCString();
    const answers = [json(429, {}, { 'Retry-After': '2' }), json(503, {}, { 'Retry-After': date }), json(200, {})];
    const send = composePipeline(
      [retryPolicy(DEFAULT_RETRY, clock)],
      createFetchTransport(async () => answers.shift() as Response),
    );
    const response = await send(new Request('https://example.test/'));
    expect(response.status).toBe(200);
    expect(clock.waits).toEqual([2_000, 7_000]);
  });

  it('gives up instead of waiting past maxElapsedMs and hands back the throttled answer', async () => {
    const clock = recordingClock();
    const send = composePipeline(
      [retryPolicy({ ...DEFAULT_RETRY, maxElapsedMs: 10_000 }, clock)],
      createFetchTransport(async () => json(429, {}, { 'Retry-After': '60' })),
    );
    expect((await send(new Request('https://example.test/'))).status).toBe(429);
    expect(clock.waits).toEqual([]);
  });

  it('backs off exponentially with jitter between half and all of the capped delay', async () => {
    const options = { baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelay(retry, options, 0))).toEqual([500, 1000, 2000, 2500, 2500]);
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelay(retry, options, 1))).toEqual([1000, 2000, 4000, 5000, 5000]);
    const clock = recordingClock(0, 1);
    const send = composePipeline(
      [retryPolicy({ ...DEFAULT_RETRY, baseDelayMs: 100 }, clock)],
      createFetchTransport(async () => json(500, {})),
    );
    await send(new Request('https://example.test/'));
    expect(clock.waits).toEqual([100, 200, 400]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads delay-seconds', () => expect(parseRetryAfter('120', now)).toBe(120_000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000));
  it('treats a past date as no wait', () => expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0));
  it('ignores an absent or unreadable value', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
