import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { fetchCartDriver } from '../support/cart-driver.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';
import { putWithRetries } from '../support/retrying-put.js';

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe('fake cart service: per-customer throttling', () => {
  it('answers 429 with Retry-After for the throttled customer only, records those requests and applies none of them', async () => {
    const clock = createManualClock('2024-05-01T10:00:00.000Z');
    fake = await startFakeCartService({ clock: clock.now });
    const a = activeCart();
    const b = activeCart();
    fake.seedCart(a);
    fake.seedCart(b);
    const api = fetchCartDriver(fake.url);
    fake.throttle(a.customerId.toUpperCase(), { seconds: 2 });

    const requestId = randomUUID();
    const read = await api.getCart(a.customerId, a.id, { requestId });
    expect(read.status).toBe(429);
    expect(read.headers.get('retry-after')).toBe('2');
    expect(read.headers.get('ms-requestid')).toBe(requestId);
    expect(read.body).toEqual({ code: 429, description: expect.stringContaining('Retry-After'), data: [], source: 'PartnerFD' });
    const update = await api.updateCart(a.customerId, a.id, updateBody(7), { requestId: randomUUID() });
    expect(update.status).toBe(429);
    expect(fake.appliedUpdates(a.customerId, a.id)).toEqual([]);

    expect((await api.getCart(b.customerId, b.id)).status).toBe(200);
    expect((await api.updateCart(b.customerId, b.id, updateBody(3))).status).toBe(201);

    clock.advance(1_500);
    expect((await api.getCart(a.customerId, a.id)).headers.get('retry-after')).toBe('1');
    clock.advance(500);
    expect((await api.getCart(a.customerId, a.id)).status).toBe(200);
    expect((await api.updateCart(a.customerId, a.id, updateBody(7))).status).toBe(201);

    expect(fake.throttledRequests(a.customerId)).toEqual([
      { method: 'GET', customerId: a.customerId, cartId: a.id, requestId, at: '2024-05-01T10:00:00.000Z', retryAfterSeconds: 2 },
      expect.objectContaining({ method: 'PUT', at: '2024-05-01T10:00:00.000Z', retryAfterSeconds: 2 }),
      expect.objectContaining({ method: 'GET', at: '2024-05-01T10:00:01.500Z', retryAfterSeconds: 1 }),
    ]);
    expect(fake.throttledRequests(b.customerId)).toEqual([]);
    expect(fake.throttledRequests()).toHaveLength(3);
  });

  it('refuses throttled requests before queued faults and the token check, so neither is used up or consulted', async () => {
    fake = await startFakeCartService({ acceptToken: (token) => token === 'good' });
    const a = activeCart();
    const b = activeCart();
    fake.seedCart(a);
    fake.seedCart(b);
    const api = fetchCartDriver(fake.url);
    fake.throttle(a.customerId, { seconds: 60 });
    fake.injectFaults({ status: 503 });
    expect((await api.getCart(a.customerId, a.id, { token: 'bad' })).status).toBe(429);
    expect((await api.getCart(b.customerId, b.id, { token: 'good' })).status).toBe(503);
    fake.throttle(a.customerId, { seconds: 0 });
    expect((await api.getCart(a.customerId, a.id, { token: 'good' })).status).toBe(200);
    fake.throttle(a.customerId, { seconds: 60 });
    fake.throttle(b.customerId, { seconds: 60 });
    fake.clearThrottles();
    expect((await api.getCart(a.customerId, a.id, { token: 'good' })).status).toBe(200);
    expect((await api.getCart(b.customerId, b.id, { token: 'good' })).status).toBe(200);
  });

  it('a client that waits Retry-After gets its update applied exactly once; the other customer is served at once', async () => {
    fake = await startFakeCartService();
    const a = activeCart();
    const b = activeCart();
    fake.seedCart(a);
    fake.seedCart(b);
    const api = fetchCartDriver(fake.url);
    fake.throttle(a.customerId, { seconds: 1 });
    const [forA, forB] = await Promise.all([
      putWithRetries(api, a.customerId, a.id, updateBody(4), { maxAttempts: 3 }),
      putWithRetries(api, b.customerId, b.id, updateBody(5), { maxAttempts: 3 }),
    ]);
    expect([forA.response.status, forA.attempts]).toEqual([201, 2]);
    expect([forB.response.status, forB.attempts]).toEqual([201, 1]);
    expect(fake.appliedUpdates(a.customerId, a.id)).toHaveLength(1);
    expect(fake.throttledRequests(a.customerId)).toHaveLength(1);
  });

  it('refuses a window that is not a finite number of seconds >= 0', async () => {
    fake = await startFakeCartService();
    const service = fake;
    for (const seconds of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => service.throttle(randomUUID(), { seconds })).toThrow(/seconds must be a finite number >= 0/);
    }
  });
});
