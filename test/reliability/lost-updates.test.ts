import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { createCartClient } from '../../src/node.js';

/*
 * No lost update within one client: concurrent read-modify-write calls on one cart are run one after another, so
 * every increment lands. (Across processes nothing can be promised: carts have no ETag to make a PUT conditional.)
 */

const CALLS = 200;

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe('modifyCart under concurrency', () => {
  it(`applies ${CALLS} concurrent increments of one cart from one client, none lost`, async () => {
    fake = await startFakeCartService();
    const customerId = randomUUID();
    const cart = fake.seedCart({
      customerId,
      lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' }],
    });
    const other = fake.seedCart({
      customerId,
      lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' }],
    });
    const client = createCartClient({ credential: 'token', baseUrl: fake.url });
    const increment = (cartId: string) =>
      client.modifyCart(customerId, cartId, (draft) => {
        const [first] = draft.lineItems ?? [];
        if (first) first.quantity += 1;
      });
    const results = await Promise.allSettled(Array.from({ length: CALLS }, (_, index) => increment(index % 2 === 0 ? cart.id : other.id)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect((await client.getCart(customerId, cart.id)).lineItems?.[0]?.quantity).toBe(1 + CALLS / 2);
    expect((await client.getCart(customerId, other.id)).lineItems?.[0]?.quantity).toBe(1 + CALLS / 2);
  });

  it('keeps running later calls on a cart after one of them failed', async () => {
    fake = await startFakeCartService();
    const customerId = randomUUID();
    const cart = fake.seedCart({
      customerId,
      lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' }],
    });
    const client = createCartClient({ credential: 'token', baseUrl: fake.url });
    const failing = client.modifyCart(customerId, cart.id, () => {
      throw new Error('mutator failed');
    });
    const next = client.modifyCart(customerId, cart.id, (draft) => {
      const [first] = draft.lineItems ?? [];
      if (first) first.quantity = 5;
    });
    await expect(failing).rejects.toThrow('mutator failed');
    expect((await next).lineItems?.[0]?.quantity).toBe(5);
  });
});
