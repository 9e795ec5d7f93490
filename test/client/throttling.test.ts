import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { type CartUpdate, createCartClient } from '../../src/index.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';
import { forwardingFetch } from '../support/forwarding-fetch.js';

/*
 * Throttling shaped to Partner Center, against the stateful fake over HTTP: `fake.throttle` answers 429 with
 * Retry-After for one customer and records what reached it meanwhile (`throttledRequests`), `appliedUpdates` shows
 * each update applied once, and `holdUpdate` keeps updates in flight for the caps. Assertions use what the fake saw
 * and the order calls finished in, never the test's elapsed time.
 */

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** Seeds `count` carts for one new customer. */
function seedCarts(service: FakeCartService, count: number): { customerId: string; cartIds: string[] } {
  const customerId = randomUUID();
  const cartIds = Array.from({ length: count }, () => service.seedCart(activeCart({ customerId })).id);
  return { customerId, cartIds };
}

describe('a 429 with Retry-After pauses one customer for the whole client', () => {
  it('20 updates each for A and B while A is throttled for 2 s: B goes on, A waits out the window, every A update applied once', async () => {
    fake = await startFakeCartService();
    const service = fake;
    const a = seedCarts(service, 20);
    const b = seedCarts(service, 20);
    service.throttle(a.customerId, { seconds: 2 });
    let seen429: () => void = () => undefined;
    const first429 = new Promise<void>((resolve) => (seen429 = resolve));
    const client = createCartClient({
      credential: 'token',
      baseUrl: service.url,
      tracing: false,
      // The pause is in force before any hook hears of the 429, so the calls below start into a paused customer.
      hooks: { response: (event) => event.status === 429 && seen429() },
    });
    const finished: string[] = [];
    const update = (customer: string, cartId: string, quantity: number) =>
      client.updateCart(customer, cartId, updateBody(quantity) as CartUpdate).then(() => finished.push(customer));

    const [firstA = '', ...otherA] = a.cartIds;
    const first = update(a.customerId, firstA, 1);
    await first429;
    const calls = [
      ...otherA.map((cartId, index) => update(a.customerId, cartId, index + 2)),
      ...b.cartIds.map((cartId, index) => update(b.customerId, cartId, index + 1)),
    ];
    await Promise.all([first, ...calls]);

    // Only the update that met the throttle reached the fake for A inside the window; B never met it.
    const throttled = service.throttledRequests(a.customerId);
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ method: 'PUT', cartId: firstA, retryAfterSeconds: 2 });
    expect(service.throttledRequests(b.customerId)).toEqual([]);
    // B did not wait for A's window: every B update finished before the first A update did.
    expect(finished).toHaveLength(40);
    expect(finished.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => b.customerId));
    // Every update applied exactly once, the throttled one under the request id of its first attempt.
    for (const { customerId, cartIds } of [a, b])
      for (const cartId of cartIds) expect(service.appliedUpdates(customerId, cartId)).toHaveLength(1);
    expect(service.appliedUpdates(a.customerId, firstA)[0]?.requestId).toBe(throttled[0]?.requestId);
  }, 20_000);

  it('with pauseOn429 off, later calls for the customer go straight to the service', async () => {
    fake = await startFakeCartService();
    const { customerId, cartIds } = seedCarts(fake, 1);
    fake.throttle(customerId, { seconds: 60 });
    const client = createCartClient({
      credential: 'token',
      baseUrl: fake.url,
      tracing: false,
      throttling: { pauseOn429: false },
      // Were the customer paused, the second call would end in the queue with a timeout instead of a 429.
      timeouts: { overallMs: 2000 },
    });
    for (let call = 0; call < 2; call += 1)
      await expect(client.getCart(customerId, cartIds[0] ?? '', { retry: false })).rejects.toMatchObject({ status: 429 });
    expect(fake.throttledRequests(customerId)).toHaveLength(2);
  });
});

describe('bounds of the pause', () => {
  it('caps a huge Retry-After at maxPauseMs: the next call waits that long, not an hour', async () => {
    fake = await startFakeCartService();
    const { customerId, cartIds } = seedCarts(fake, 1);
    const cartId = cartIds[0] ?? '';
    fake.throttle(customerId, { seconds: 3600 });
    const client = createCartClient({ credential: 'token', baseUrl: fake.url, tracing: false, throttling: { maxPauseMs: 300 } });
    await expect(client.getCart(customerId, cartId, { retry: false })).rejects.toMatchObject({ status: 429 });
    // Still throttled by the fake: the second call is sent once the capped pause ends, and meets the 429 again.
    await expect(client.getCart(customerId, cartId, { retry: false })).rejects.toMatchObject({ status: 429 });
    const [first, second] = fake.throttledRequests(customerId).map((request) => Date.parse(request.at));
    expect(first).toBeDefined();
    // The fake's clock is the system clock in whole milliseconds; the margin absorbs timer rounding.
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(290);
  });

  it('a 429 without Retry-After pauses nobody', async () => {
    fake = await startFakeCartService();
    const { customerId, cartIds } = seedCarts(fake, 1);
    const cartId = cartIds[0] ?? '';
    fake.injectFaults({ status: 429, count: 1 }); // no retryAfterSeconds: no Retry-After header
    const client = createCartClient({ credential: 'token', baseUrl: fake.url, tracing: false, timeouts: { overallMs: 1000 } });
    await expect(client.getCart(customerId, cartId, { retry: false })).rejects.toMatchObject({ status: 429 });
    // Were the customer paused with no end given, this call would wait in the queue until its 1 s deadline.
    await expect(client.getCart(customerId, cartId)).resolves.toMatchObject({ id: cartId });
  });
});

describe('caps of concurrent calls and calls per second', () => {
  it('keeps at most maxConcurrentPerCustomer attempts of one customer in flight', async () => {
    let inFlight = 0;
    let most = 0;
    fake = await startFakeCartService({
      // Updates of different carts hold no common lock in the fake, so only the client's cap limits how many overlap.
      holdUpdate: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
      },
    });
    const service = fake;
    const { customerId, cartIds } = seedCarts(service, 10);
    const client = createCartClient({
      credential: 'token',
      baseUrl: service.url,
      tracing: false,
      throttling: { maxConcurrentPerCustomer: 2 },
    });
    await Promise.all(cartIds.map((cartId, index) => client.updateCart(customerId, cartId, updateBody(index + 1) as CartUpdate)));
    for (const cartId of cartIds) expect(service.appliedUpdates(customerId, cartId)).toHaveLength(1);
    expect(most).toBe(2);
  });

  it('starts at most maxPerSecond attempts in any second', async () => {
    const arrivals: number[] = [];
    fake = await startFakeCartService({ holdUpdate: () => void arrivals.push(performance.now()) });
    const service = fake;
    const carts = Array.from({ length: 8 }, () => seedCarts(service, 1));
    const client = createCartClient({ credential: 'token', baseUrl: service.url, tracing: false, throttling: { maxPerSecond: 4 } });
    await Promise.all(carts.map(({ customerId, cartIds }) => client.updateCart(customerId, cartIds[0] ?? '', updateBody(2) as CartUpdate)));
    const times = arrivals.sort((x, y) => x - y);
    expect(times).toHaveLength(8);
    // Client-side starts are 1000 ms apart; the margin absorbs loopback jitter, and without the cap they would be ~0 apart.
    for (let index = 4; index < times.length; index += 1)
      expect((times[index] as number) - (times[index - 4] as number)).toBeGreaterThanOrEqual(800);
  });
});

describe('the queue honours each call signal and deadline', () => {
  /** A fake whose first update stays in flight until released, a client with room for one attempt, and that update. */
  async function oneUpdateHeld() {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const service = await startFakeCartService({
      holdUpdate: async () => {
        arrived();
        await held;
      },
    });
    fake = service;
    const { customerId, cartIds } = seedCarts(service, 2);
    const wire = forwardingFetch();
    const client = createCartClient({
      credential: 'token',
      baseUrl: service.url,
      tracing: false,
      fetch: wire.fetch,
      throttling: { maxConcurrent: 1 },
    });
    const first = client.updateCart(customerId, cartIds[0] ?? '', updateBody(2) as CartUpdate);
    await inFlight;
    return { client, wire, first, release, customerId, queuedCart: cartIds[1] ?? '' };
  }

  it('a queued call leaves the queue when its signal aborts, and is never sent', async () => {
    const { client, wire, first, release, customerId, queuedCart } = await oneUpdateHeld();
    const controller = new AbortController();
    const queued = client.updateCart(customerId, queuedCart, updateBody(3) as CartUpdate, { signal: controller.signal });
    // Give the call time to get past the queue were there none (then it would be sent, and counted below); the
    // assertions do not depend on how long this takes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(new Error('caller gave up'));
    await expect(queued).rejects.toThrow('caller gave up');
    release();
    await first;
    expect(wire.attempts()).toBe(1);
    expect(fake?.appliedUpdates(customerId, queuedCart)).toEqual([]);
  });

  it('a queued call ends with an overall timeout when its deadline passes in the queue', async () => {
    const { client, wire, first, release, customerId, queuedCart } = await oneUpdateHeld();
    await expect(
      client.updateCart(customerId, queuedCart, updateBody(3) as CartUpdate, { timeouts: { overallMs: 100 } }),
    ).rejects.toMatchObject({ kind: 'timeout', scope: 'overall' });
    release();
    await first;
    expect(wire.attempts()).toBe(1);
    expect(fake?.appliedUpdates(customerId, queuedCart)).toEqual([]);
  });
});
