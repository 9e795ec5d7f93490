import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type CartUpdate, createCartClient } from '../../src/index.js';
import { updateBody } from '../support/cart-fixtures.js';
import {
  type Arrival,
  cartFor,
  errorAnswer,
  type PartnerCenterServer,
  startPartnerCenterServer,
} from '../support/partner-center-server.js';

/*
 * Throttling shaped to Partner Center, against a real loopback server (the fake gains per-customer throttling
 * later; these tests should then run against it). Assertions compare the server's own clock with the window it
 * announced, never the test's elapsed time.
 */

let server: PartnerCenterServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const WINDOW_S = 2;

describe('a 429 with Retry-After pauses one customer for the whole client', () => {
  it('20 updates each for A and B while A is throttled: B goes on, A waits out the window, every A update applied once', async () => {
    const customerA = randomUUID();
    const customerB = randomUUID();
    let windowEnd = Number.NEGATIVE_INFINITY;
    const applied = new Map<string, string[]>();
    let armed: () => void = () => undefined;
    const windowArmed = new Promise<void>((resolve) => (armed = resolve));
    server = await startPartnerCenterServer((arrival: Arrival) => {
      if (arrival.customerId === customerA && arrival.at < windowEnd) return errorAnswer(429, 429, { 'Retry-After': String(WINDOW_S) });
      if (arrival.customerId === customerA && windowEnd === Number.NEGATIVE_INFINITY) {
        windowEnd = arrival.at + WINDOW_S * 1000;
        armed();
        return errorAnswer(429, 429, { 'Retry-After': String(WINDOW_S) });
      }
      applied.set(arrival.cartId, [...(applied.get(arrival.cartId) ?? []), arrival.requestId]);
      return cartFor(arrival);
    });
    const client = createCartClient({ credential: 'token', baseUrl: server.baseUrl, tracing: false });
    const bDone: number[] = [];

    // The first A update meets the throttle; the other 39 calls start once its 429 has come back.
    const first = client.updateCart(customerA, randomUUID(), updateBody(1) as CartUpdate);
    await windowArmed;
    await expect.poll(() => server?.arrivals.length).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the 429 reach the client
    const aCarts = Array.from({ length: 19 }, () => randomUUID());
    const aCalls = aCarts.map((cartId, index) => client.updateCart(customerA, cartId, updateBody(index + 1) as CartUpdate));
    const bCalls = Array.from({ length: 20 }, (_, index) =>
      client.updateCart(customerB, randomUUID(), updateBody(index + 1) as CartUpdate).then((cart) => {
        bDone.push(performance.now());
        return cart;
      }),
    );
    await Promise.all([first, ...aCalls, ...bCalls]);

    const arrivalsA = server.arrivals.filter((arrival) => arrival.customerId === customerA);
    // Only the request that armed the window reached the server inside it.
    expect(arrivalsA.filter((arrival) => arrival.at < windowEnd)).toHaveLength(1);
    expect(arrivalsA).toHaveLength(21); // the throttled one twice, the 19 others once
    // Customer B did not wait for A's window.
    expect(bDone).toHaveLength(20);
    expect(Math.max(...bDone)).toBeLessThan(windowEnd);
    // Every A update applied exactly once, the throttled one with the request id of its first attempt.
    for (const cartId of aCarts) expect(applied.get(cartId)).toHaveLength(1);
    const throttled = arrivalsA[0] as Arrival;
    expect(applied.get(throttled.cartId)).toEqual([throttled.requestId]);
  }, 20_000);

  it('with pauseOn429 off, later calls for the customer go straight to the server', async () => {
    const customer = randomUUID();
    let windowEnd = Number.NEGATIVE_INFINITY;
    server = await startPartnerCenterServer((arrival) => {
      if (windowEnd === Number.NEGATIVE_INFINITY) windowEnd = arrival.at + 1000;
      return arrival.at < windowEnd ? errorAnswer(429, 429, { 'Retry-After': '1' }) : cartFor(arrival);
    });
    const client = createCartClient({ credential: 'token', baseUrl: server.baseUrl, tracing: false, throttling: { pauseOn429: false } });
    await client.getCart(customer, randomUUID(), { retry: false }).catch(() => undefined);
    await client.getCart(customer, randomUUID(), { retry: false }).catch(() => undefined);
    expect(server.arrivals.filter((arrival) => arrival.at < windowEnd)).toHaveLength(2);
  });
});

describe('bounds of the pause', () => {
  it('caps a huge Retry-After at maxPauseMs: the next call waits that long, not an hour', async () => {
    const customer = randomUUID();
    let answered429At = Number.NaN;
    server = await startPartnerCenterServer((arrival) => {
      if (Number.isNaN(answered429At)) {
        answered429At = arrival.at;
        return errorAnswer(429, 429, { 'Retry-After': '3600' });
      }
      return cartFor(arrival);
    });
    const client = createCartClient({ credential: 'token', baseUrl: server.baseUrl, tracing: false, throttling: { maxPauseMs: 300 } });
    await expect(client.getCart(customer, randomUUID(), { retry: false })).rejects.toMatchObject({ status: 429 });
    await client.getCart(customer, randomUUID());
    const [, second] = server.arrivals;
    expect((second?.at ?? 0) - answered429At).toBeGreaterThanOrEqual(290);
  });

  it('a 429 without Retry-After pauses nobody', async () => {
    const customer = randomUUID();
    server = await startPartnerCenterServer((arrival) => (server?.arrivals.length === 1 ? errorAnswer(429, 429) : cartFor(arrival)));
    const client = createCartClient({ credential: 'token', baseUrl: server.baseUrl, tracing: false, timeouts: { overallMs: 1000 } });
    await expect(client.getCart(customer, randomUUID(), { retry: false })).rejects.toMatchObject({ status: 429 });
    // Were the customer paused with no end given, this call would wait in the queue until its 1 s deadline.
    await expect(client.getCart(customer, randomUUID())).resolves.toMatchObject({ status: 'Active' });
  });
});

describe('caps of concurrent calls and calls per second', () => {
  it('keeps at most maxConcurrentPerCustomer attempts of one customer in flight', async () => {
    let inFlight = 0;
    let most = 0;
    server = await startPartnerCenterServer(async (arrival) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      return cartFor(arrival);
    });
    const client = createCartClient({
      credential: 'token',
      baseUrl: server.baseUrl,
      tracing: false,
      throttling: { maxConcurrentPerCustomer: 2 },
    });
    const customer = randomUUID();
    await Promise.all(Array.from({ length: 10 }, () => client.getCart(customer, randomUUID())));
    expect(server.arrivals).toHaveLength(10);
    expect(most).toBe(2);
  });

  it('starts at most maxPerSecond attempts in any second', async () => {
    server = await startPartnerCenterServer(cartFor);
    const client = createCartClient({ credential: 'token', baseUrl: server.baseUrl, tracing: false, throttling: { maxPerSecond: 4 } });
    await Promise.all(Array.from({ length: 8 }, () => client.getCart(randomUUID(), randomUUID())));
    const times = server.arrivals.map((arrival) => arrival.at).sort((a, b) => a - b);
    // Client-side starts are 1000 ms apart; the margin absorbs loopback jitter, and without the cap they would be ~0 apart.
    for (let index = 4; index < times.length; index += 1)
      expect((times[index] as number) - (times[index - 4] as number)).toBeGreaterThanOrEqual(800);
  });

  it('a queued call leaves the queue when its signal aborts, and is never sent', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server = await startPartnerCenterServer(async (arrival) => {
      await held;
      return cartFor(arrival);
    });
    const client = createCartClient({ credential: 'token', baseUrl: server.baseUrl, tracing: false, throttling: { maxConcurrent: 1 } });
    const first = client.getCart(randomUUID(), randomUUID());
    await expect.poll(() => server?.arrivals.length).toBe(1);
    const controller = new AbortController();
    const queued = client.getCart(randomUUID(), randomUUID(), { signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(queued).rejects.toThrow('caller gave up');
    release();
    await first;
    expect(server.arrivals).toHaveLength(1);
  });

  it('a queued call ends with an overall timeout when its deadline passes in the queue', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server = await startPartnerCenterServer(async (arrival) => {
      await held;
      return cartFor(arrival);
    });
    const client = createCartClient({ credential: 'token', baseUrl: server.baseUrl, tracing: false, throttling: { maxConcurrent: 1 } });
    const first = client.getCart(randomUUID(), randomUUID());
    await expect.poll(() => server?.arrivals.length).toBe(1);
    await expect(client.getCart(randomUUID(), randomUUID(), { timeouts: { overallMs: 100 } })).rejects.toMatchObject({
      kind: 'timeout',
      scope: 'overall',
    });
    release();
    await first;
    expect(server.arrivals).toHaveLength(1);
  });
});
