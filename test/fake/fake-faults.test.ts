import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCartService, type FakeCart, type FakeCartService } from '../../src/fake/index.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';
import { fetchCartDriver, type CartDriver } from '../support/cart-driver.js';
import { putWithRetries } from '../support/retrying-put.js';

let fake: FakeCartService;
let api: CartDriver;

beforeAll(async () => {
  fake = await startFakeCartService();
  api = fetchCartDriver(fake.url);
});
afterAll(async () => {
  fake.clearFaults();
  await fake.stop();
});

describe('fake cart service: injected faults', () => {
  it('answers injected 429 and 503 with Retry-After and the error body, then serves normally', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 429, retryAfterSeconds: 2 });
    fake.injectFaults({ status: 503, retryAfterSeconds: 0 });
    const requestId = randomUUID();
    const throttled = await api.getCart(seed.customerId, seed.id, { requestId });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(throttled.headers.get('ms-requestid')).toBe(requestId);
    expect(throttled.body).toMatchObject({ code: 429, source: 'PartnerFD', description: expect.stringContaining('Retry-After') });
    const unavailable = await api.getCart(seed.customerId, seed.id);
    expect(unavailable.status).toBe(503);
    expect((await api.getCart(seed.customerId, seed.id)).status).toBe(200);
  });

  it('only gives a method-scoped fault to that method', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 503, method: 'PUT' });
    expect((await api.getCart(seed.customerId, seed.id)).status).toBe(200);
    expect((await api.updateCart(seed.customerId, seed.id, updateBody(3))).status).toBe(503);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(0);
  });

  it('a client retrying through two 429s and a 503 ends with exactly one applied update', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 429, count: 2, retryAfterSeconds: 0, method: 'PUT' });
    fake.injectFaults({ status: 503, retryAfterSeconds: 0, method: 'PUT' });
    const { response, attempts } = await putWithRetries(api, seed.customerId, seed.id, updateBody(6), { maxAttempts: 5 });
    expect(attempts).toBe(4);
    expect(response.status).toBe(201);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(1);
    expect(fake.cart(seed.customerId, seed.id)?.lineItems[0]?.quantity).toBe(6);
  });

  it('a 503 after the update was applied: retrying with the same MS-RequestId applies it once and replays the answer', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 503, retryAfterSeconds: 0, method: 'PUT', afterApplying: true });
    const { response, attempts } = await putWithRetries(api, seed.customerId, seed.id, updateBody(8), { maxAttempts: 3 });
    expect(attempts).toBe(2);
    expect(response.status).toBe(201);
    const applied = fake.appliedUpdates(seed.customerId, seed.id);
    expect(applied).toHaveLength(1);
    expect(response.headers.get('ms-requestid')).toBe(applied[0]?.requestId);
    expect((response.body as FakeCart).lastModifiedTimestamp).toBe(fake.cart(seed.customerId, seed.id)?.lastModifiedTimestamp);
  });

  it('the same fault with a fresh MS-RequestId per attempt applies the update twice (why the id must be reused)', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    fake.injectFaults({ status: 503, retryAfterSeconds: 0, method: 'PUT', afterApplying: true });
    const { response } = await putWithRetries(api, seed.customerId, seed.id, updateBody(8), {
      maxAttempts: 3,
      requestId: () => randomUUID(),
    });
    expect(response.status).toBe(201);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(2);
  });

  it('refuses fault specs that are not HTTP errors', () => {
    expect(() => fake.injectFaults({ status: 200 })).toThrow(/400-599/);
    expect(() => fake.injectFaults({ status: 503, count: 0 })).toThrow(/count/);
  });
});
