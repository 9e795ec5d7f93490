import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCartClient, PartnerCenterApiError, type CartClient, type CartUpdate } from '../../src/index.js';
import { startFakeCartService, type FakeCartService } from '../../src/fake/index.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';
import { forwardingFetch, type ForwardingFetch } from '../support/forwarding-fetch.js';

// Issue 4 part 5 with our own client: its retry policy, not a test helper, goes through the fake's injected
// 429/503 answers, and the fake's record of applied updates shows whether the cart was changed exactly once.
let fake: FakeCartService;

beforeAll(async () => {
  fake = await startFakeCartService();
});
afterEach(() => {
  fake.clearFaults();
});
afterAll(async () => {
  await fake?.stop();
});

/** Retries with the fake's Retry-After (0 s here) or a backoff of a millisecond, so the test never sleeps long. */
function retryingClient(wire: ForwardingFetch, maxRetries = 4): CartClient {
  return createCartClient({
    credential: 'test-token',
    baseUrl: fake.url,
    fetch: wire.fetch,
    retry: { maxRetries, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

function requestIdsOf(wire: ForwardingFetch, method: string): Set<string | null> {
  return new Set(
    wire.exchanges.filter((exchange) => exchange.method === method).map((exchange) => exchange.requestHeaders.get('ms-requestid')),
  );
}

describe('the typed client retrying against the fake', () => {
  it('goes through two 429s and a 503 and ends with exactly one applied update', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 429, count: 2, retryAfterSeconds: 0, method: 'PUT' });
    fake.injectFaults({ status: 503, retryAfterSeconds: 0, method: 'PUT' });
    const wire = forwardingFetch();
    const cart = await retryingClient(wire).updateCart(seed.customerId, seed.id, updateBody(6) as CartUpdate);
    expect(wire.exchanges.map((exchange) => exchange.status)).toEqual([429, 429, 503, 201]);
    const [requestId, ...others] = requestIdsOf(wire, 'PUT');
    expect(others).toEqual([]);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toEqual([expect.objectContaining({ requestId })]);
    expect(cart.lineItems?.[0]?.quantity).toBe(6);
    expect(fake.cart(seed.customerId, seed.id)?.lineItems[0]?.quantity).toBe(6);
  });

  it('a 503 after the update was applied: the retry reuses MS-RequestId, so the update is applied once', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 503, retryAfterSeconds: 0, method: 'PUT', afterApplying: true });
    const wire = forwardingFetch();
    const cart = await retryingClient(wire).updateCart(seed.customerId, seed.id, updateBody(8) as CartUpdate);
    expect(wire.exchanges.map((exchange) => exchange.status)).toEqual([503, 201]);
    expect(requestIdsOf(wire, 'PUT').size).toBe(1);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(1);
    expect(cart.lastModifiedTimestamp).toBe(fake.cart(seed.customerId, seed.id)?.lastModifiedTimestamp);
  });

  it('modifyCart through a throttled GET and an unavailable PUT changes the cart once', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 429, retryAfterSeconds: 0, method: 'GET' });
    fake.injectFaults({ status: 503, retryAfterSeconds: 0, method: 'PUT', afterApplying: true });
    const wire = forwardingFetch();
    const cart = await retryingClient(wire).modifyCart(seed.customerId, seed.id, (draft) => {
      const [line] = draft.lineItems ?? [];
      if (line) line.quantity = 9;
    });
    expect(wire.exchanges.map((exchange) => `${exchange.method} ${exchange.status}`)).toEqual(['GET 429', 'GET 200', 'PUT 503', 'PUT 201']);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(1);
    expect(cart.lineItems?.[0]?.quantity).toBe(9);
  });

  it('gives up after maxRetries with the last 503 as a PartnerCenterApiError, and nothing applied', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 503, count: 3, retryAfterSeconds: 0, method: 'PUT' });
    const wire = forwardingFetch();
    const error = await retryingClient(wire, 1)
      .updateCart(seed.customerId, seed.id, updateBody(4) as CartUpdate)
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(PartnerCenterApiError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 0 });
    expect(wire.attempts()).toBe(2);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(0);
  });
});
