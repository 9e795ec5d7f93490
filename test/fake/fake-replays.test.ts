import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplayCache } from '../../src/fake/replay-cache.js';
import { type FakeCart, type FakeCartService, startFakeCartService, type UpdateInFlight } from '../../src/fake/index.js';
import { fetchCartDriver } from '../support/cart-driver.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';

const SAME_ID_COPIES = 50;

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** Waits (bounded) until the fake has applied an update with this request id. */
async function untilApplied(service: FakeCartService, customerId: string, cartId: string, requestId: string): Promise<void> {
  for (let poll = 0; poll < 500; poll++) {
    if (service.appliedUpdates(customerId, cartId).some((update) => update.requestId === requestId)) return;
    await sleep(10);
  }
  throw new Error(`update ${requestId} was never applied`);
}

describe('fake cart service: MS-RequestId replays', () => {
  it(`applies ${SAME_ID_COPIES} concurrent PUTs with one MS-RequestId exactly once and gives every copy the same answer`, async () => {
    // The delay keeps the first copy inside the cart's lock while the others arrive.
    fake = await startFakeCartService({ updateDelayMs: 10 });
    const seed = activeCart();
    fake.seedCart(seed);
    const api = fetchCartDriver(fake.url);
    const requestId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: SAME_ID_COPIES }, () => api.updateCart(seed.customerId, seed.id, updateBody(4), { requestId })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(SAME_ID_COPIES).fill(201));
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toEqual([{ requestId, basedOnRevision: 0 }]);
    const stored = fake.cart(seed.customerId, seed.id);
    for (const answer of answers) expect(answer.body).toEqual(stored);
  });

  it('refuses the same MS-RequestId with another body, another caller or another cart with 400 / 800002, changing nothing', async () => {
    fake = await startFakeCartService();
    const seed = activeCart();
    const other = activeCart({ customerId: seed.customerId });
    fake.seedCart(seed);
    const otherBefore = fake.seedCart(other);
    const api = fetchCartDriver(fake.url);
    const requestId = randomUUID();
    const first = await api.updateCart(seed.customerId, seed.id, updateBody(4), { requestId, token: 'first-caller' });
    expect(first.status).toBe(201);

    const reuses = [
      {
        differs: 'different body',
        answer: await api.updateCart(seed.customerId, seed.id, updateBody(5), { requestId, token: 'first-caller' }),
      },
      {
        differs: 'another caller',
        answer: await api.updateCart(seed.customerId, seed.id, updateBody(4), { requestId, token: 'second-caller' }),
      },
      {
        differs: 'another cart',
        answer: await api.updateCart(other.customerId, other.id, updateBody(4), { requestId, token: 'first-caller' }),
      },
    ];
    for (const { differs, answer } of reuses) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code: 800002, description: expect.stringContaining(differs), data: [], source: 'PartnerFD' });
      // The second caller must not receive the first caller's cart.
      expect(JSON.stringify(answer.body)).not.toContain('lineItems');
    }
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(1);
    expect(fake.cart(seed.customerId, seed.id)).toEqual(first.body);
    expect(fake.cart(other.customerId, other.id)).toEqual(otherBefore);
    const retry = await api.updateCart(seed.customerId, seed.id, updateBody(4), { requestId, token: 'first-caller' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
  });

  it('a retry after an attempt timeout is applied once and does not overwrite the update another writer made in between', async () => {
    // Attempt 1 reaches the fake and is held inside the cart's lock until the client has given up on it.
    const requestId = randomUUID();
    let entered: () => void = () => undefined;
    let release: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake = await startFakeCartService({
      holdUpdate: (update: UpdateInFlight) => {
        if (update.requestId !== requestId) return;
        entered();
        return released;
      },
    });
    const service = fake;
    const seed = activeCart();
    service.seedCart(seed);
    const api = fetchCartDriver(service.url);

    const attemptTimeout = new AbortController();
    const firstAttempt = fetch(`${service.url}/v1/customers/${seed.customerId}/carts/${seed.id}`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer writer-a', 'Content-Type': 'application/json', 'MS-RequestId': requestId },
      body: JSON.stringify(updateBody(5)),
      signal: attemptTimeout.signal,
    });
    await inFlight;
    attemptTimeout.abort();
    await expect(firstAttempt).rejects.toThrow();
    release();
    await untilApplied(service, seed.customerId, seed.id, requestId);

    // Another writer updates the cart, then the client retries attempt 1 with the same MS-RequestId.
    const otherWriter = await api.updateCart(seed.customerId, seed.id, updateBody(9), { token: 'writer-b', requestId: randomUUID() });
    expect(otherWriter.status).toBe(201);
    const retry = await api.updateCart(seed.customerId, seed.id, updateBody(5), { token: 'writer-a', requestId });

    expect(retry.status).toBe(201);
    expect((retry.body as FakeCart).lineItems[0]?.quantity).toBe(5);
    expect(service.appliedUpdates(seed.customerId, seed.id).map((update) => update.requestId)).toEqual([
      requestId,
      otherWriter.headers.get('ms-requestid'),
    ]);
    expect(service.cart(seed.customerId, seed.id)).toEqual(otherWriter.body);
  });

  it('forgets a failed update, so its MS-RequestId can be retried once the cause is fixed', async () => {
    fake = await startFakeCartService();
    const seed = activeCart();
    const api = fetchCartDriver(fake.url);
    const requestId = randomUUID();
    expect((await api.updateCart(seed.customerId, seed.id, updateBody(3), { requestId })).status).toBe(404);
    fake.seedCart(seed);
    expect((await api.updateCart(seed.customerId, seed.id, updateBody(3), { requestId })).status).toBe(201);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toHaveLength(1);
  });
});

describe('replay cache bounded in bytes', () => {
  const fingerprint = (bodyHash: string) => ({ cart: 'customer/cart', bodyHash, callerId: 'user' });

  it('never holds more than its budget and forgets the oldest answers first', () => {
    const cache = new ReplayCache(10_000);
    const answer = 'x'.repeat(2_000);
    for (let index = 0; index < 20; index++) {
      expect(cache.claim(`id-${index}`, fingerprint(`body-${index}`))).toEqual({ kind: 'first' });
      cache.complete(`id-${index}`, answer);
      expect(cache.bytes).toBeLessThanOrEqual(10_000);
    }
    expect(cache.claim('id-19', fingerprint('body-19'))).toEqual({ kind: 'replay', answer });
    expect(cache.claim('id-0', fingerprint('body-0'))).toEqual({ kind: 'first' });
  });

  it('keeps many small answers (the bound is bytes, not a count)', () => {
    const cache = new ReplayCache(20 * 1024 * 1024);
    for (let index = 0; index < 20_000; index++) {
      cache.claim(`id-${index}`, fingerprint('same'));
      cache.complete(`id-${index}`, '{"id":"small"}');
    }
    expect(cache.claim('id-0', fingerprint('same'))).toEqual({ kind: 'replay', answer: '{"id":"small"}' });
  });

  it('does not keep an answer bigger than the whole budget, and counts it nowhere', () => {
    const cache = new ReplayCache(1_000);
    cache.claim('big', fingerprint('big'));
    cache.complete('big', 'x'.repeat(5_000));
    expect(cache.bytes).toBe(0);
    expect(() => new ReplayCache(-1)).toThrow(/replayCacheBytes/);
  });
});
