import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CartUpdate, createCartClient, type RequestEvent } from '../../src/index.js';
import { type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';

/*
 * Issue 14 behaviours against the stateful fake over HTTP, with the fake's injectable faults. Its global fault
 * queue is enough for one throttled customer; per-customer throttling and expiring tokens in the fake come later
 * (helper i12f), and test/client/throttling.test.ts and token-refresh.test.ts should then move here.
 */

let fake: FakeCartService;
beforeAll(async () => {
  fake = await startFakeCartService();
});
afterAll(async () => {
  fake.clearFaults();
  await fake.stop();
});

describe('the client against the fake', () => {
  it('a 429 for customer A holds A’s later updates until Retry-After while B’s go on; each update applied once', async () => {
    const a = Array.from({ length: 5 }, () => activeCart());
    const aCustomer = a[0]?.customerId ?? '';
    const aCarts = a.map((cart) => ({ ...cart, customerId: aCustomer }));
    const bCarts = Array.from({ length: 5 }, () => activeCart());
    for (const cart of [...aCarts, ...bCarts]) fake.seedCart(cart);
    const sent: Array<RequestEvent & { at: number }> = [];
    let throttledAt = Number.NaN;
    let throttled: () => void = () => undefined;
    const answered429 = new Promise<void>((resolve) => (throttled = resolve));
    const client = createCartClient({
      credential: 'token',
      baseUrl: fake.url,
      tracing: false,
      hooks: {
        request: (event) => sent.push({ ...event, at: performance.now() }),
        response: (event) => {
          if (event.status !== 429) return;
          throttledAt = performance.now();
          throttled();
        },
      },
    });
    fake.injectFaults({ status: 429, retryAfterSeconds: 1, method: 'PUT' });
    const [first, ...rest] = aCarts;
    const firstUpdate = client.withResponse.updateCart(aCustomer, first?.id ?? '', updateBody(2) as CartUpdate);
    await answered429;
    const later = [
      ...rest.map((cart) => client.updateCart(aCustomer, cart.id, updateBody(3) as CartUpdate)),
      ...bCarts.map((cart) => client.updateCart(cart.customerId, cart.id, updateBody(4) as CartUpdate)),
    ];
    const [{ response }] = await Promise.all([firstUpdate, ...later]);

    expect(response.attempts).toBe(2);
    const pauseEnds = throttledAt + 1000;
    const aSentInWindow = sent.filter((event) => event.url.includes(aCustomer) && event.at > throttledAt && event.at < pauseEnds);
    expect(aSentInWindow).toEqual([]);
    const bSent = sent.filter((event) => !event.url.includes(aCustomer));
    expect(bSent).toHaveLength(5);
    expect(bSent.every((event) => event.at < pauseEnds)).toBe(true);
    for (const cart of [...aCarts, ...bCarts]) expect(fake.appliedUpdates(cart.customerId, cart.id)).toHaveLength(1);
  });

  it('withResponse reports the ids the fake saw and the attempts a 503 cost', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 503, retryAfterSeconds: 0, method: 'GET' });
    const client = createCartClient({ credential: 'token', baseUrl: fake.url, tracing: false });
    const { cart, response } = await client.withResponse.getCart(seed.customerId, seed.id);
    expect(cart.id).toBe(seed.id);
    expect(response).toMatchObject({ status: 200, attempts: 2 });
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
