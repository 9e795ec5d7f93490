import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, type FakeCart, type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { type DriverResponse, fetchCartDriver } from '../support/cart-driver.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

function expectExpired(response: DriverResponse, token: string): void {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  expect(response.body).toEqual({ code: 800001, description: expect.stringContaining('expired'), data: [], source: 'PartnerFD' });
  expect(JSON.stringify(response.body)).not.toContain(token);
}

describe('fake cart service: expiring tokens', () => {
  it('with tokenLifetimeSeconds, answers 401 / 800001 "expired" once a token is that old, while a fresh token works', async () => {
    const clock = createManualClock('2024-05-01T10:00:00.000Z');
    fake = await startFakeCartService({ clock: clock.now, tokenLifetimeSeconds: 60 });
    const seed = activeCart();
    fake.seedCart(seed);
    const api = fetchCartDriver(fake.url);
    expect((await api.getCart(seed.customerId, seed.id, { token: 'first-token' })).status).toBe(200);
    clock.advance(59_000);
    expect((await api.getCart(seed.customerId, seed.id, { token: 'first-token' })).status).toBe(200);
    clock.advance(1_000);
    expectExpired(await api.getCart(seed.customerId, seed.id, { token: 'first-token' }), 'first-token');
    expect((await api.updateCart(seed.customerId, seed.id, updateBody(3), { token: 'first-token' })).status).toBe(401);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toEqual([]);
    expect((await api.updateCart(seed.customerId, seed.id, updateBody(3), { token: 'second-token' })).status).toBe(201);
  });

  it('issues tokens for a user that expire after their lifetime, and expires any token on demand', async () => {
    const clock = createManualClock('2024-05-01T10:00:00.000Z');
    // Issued tokens are accepted even when acceptToken refuses everything else.
    fake = await startFakeCartService({ clock: clock.now, acceptToken: () => false });
    const seed = activeCart();
    fake.seedCart(seed);
    const api = fetchCartDriver(fake.url);
    const userId = randomUUID();
    const issued = fake.issueToken({ userId, lifetimeSeconds: 10 });
    const updated = await api.updateCart(seed.customerId, seed.id, updateBody(4), { token: issued });
    expect(updated.status).toBe(201);
    expect((updated.body as FakeCart).lastModifiedUser).toBe(userId);
    clock.advance(10_000);
    expectExpired(await api.getCart(seed.customerId, seed.id, { token: issued }), issued);

    const longLived = fake.issueToken();
    expect((await api.getCart(seed.customerId, seed.id, { token: longLived })).status).toBe(200);
    fake.expireToken(longLived);
    expectExpired(await api.getCart(seed.customerId, seed.id, { token: longLived }), longLived);
    expect((await api.getCart(seed.customerId, seed.id, { token: 'never-issued' })).status).toBe(401);
  });

  it('a refreshed token of the same user retries an applied update under its MS-RequestId and gets the first answer', async () => {
    fake = await startFakeCartService();
    const seed = activeCart();
    fake.seedCart(seed);
    const api = fetchCartDriver(fake.url);
    const userId = randomUUID();
    const first = fake.issueToken({ userId });
    const requestId = randomUUID();
    fake.injectFaults({ status: 503, method: 'PUT', afterApplying: true });
    expect((await api.updateCart(seed.customerId, seed.id, updateBody(6), { token: first, requestId })).status).toBe(503);
    fake.expireToken(first);
    expect((await api.updateCart(seed.customerId, seed.id, updateBody(6), { token: first, requestId })).status).toBe(401);
    const refreshed = fake.issueToken({ userId });
    const retry = await api.updateCart(seed.customerId, seed.id, updateBody(6), { token: refreshed, requestId });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(fake.cart(seed.customerId, seed.id));
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(1);
    const someoneElse = await api.updateCart(seed.customerId, seed.id, updateBody(6), { token: fake.issueToken(), requestId });
    expect(someoneElse.status).toBe(400);
  });

  it('refuses lifetimes that are not a positive number of seconds', async () => {
    await expect(startFakeCartService({ tokenLifetimeSeconds: 0 })).rejects.toThrow(/tokenLifetimeSeconds/);
    fake = await startFakeCartService();
    const service = fake;
    expect(() => service.issueToken({ lifetimeSeconds: -5 })).toThrow(/lifetimeSeconds must be a finite number of seconds > 0/);
  });
});
