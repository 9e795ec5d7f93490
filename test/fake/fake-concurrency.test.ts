import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeCartService, type FakeCart, type FakeCartService } from '../../src/fake/index.js';
import { activeCart, m365Line } from '../support/cart-fixtures.js';
import { fetchCartDriver, type DriverResponse } from '../support/cart-driver.js';

const CARTS = 20;
const UPDATES_PER_CART = 10;
const LINES_PER_UPDATE = 3;

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** A body whose every line carries the same marker, so a cart mixed from two updates is visible. */
function markedBody(marker: string): { lineItems: Array<Record<string, unknown>> } {
  return {
    lineItems: Array.from({ length: LINES_PER_UPDATE }, (_, index) => ({
      ...m365Line,
      id: index,
      friendlyName: marker,
      quantity: index + 1,
    })),
  };
}

async function hammer(
  service: FakeCartService,
): Promise<Array<{ customerId: string; cartId: string; sent: Array<{ requestId: string; response: DriverResponse }> }>> {
  const api = fetchCartDriver(service.url);
  const carts = Array.from({ length: CARTS }, () => activeCart());
  for (const cart of carts) service.seedCart(cart);
  return Promise.all(
    carts.map(async (cart) => ({
      customerId: cart.customerId,
      cartId: cart.id,
      sent: await Promise.all(
        Array.from({ length: UPDATES_PER_CART }, async () => {
          const requestId = randomUUID();
          return { requestId, response: await api.updateCart(cart.customerId, cart.id, markedBody(requestId), { requestId }) };
        }),
      ),
    })),
  );
}

function expectWhole(cart: FakeCart | undefined, marker: string | undefined): void {
  expect(cart?.lineItems).toHaveLength(LINES_PER_UPDATE);
  expect(new Set(cart?.lineItems.map((line) => line.friendlyName))).toEqual(new Set([marker]));
  expect(cart?.lineItems.map((line) => line.quantity)).toEqual([1, 2, 3]);
}

describe('fake cart service under concurrent updates (loopback)', () => {
  it(`serialises ${CARTS * UPDATES_PER_CART} concurrent updates of ${CARTS} carts: none lost, none applied twice, no cart mixed`, async () => {
    // The delay holds each cart between read and write, so without the per-cart queue updates would overlap.
    fake = await startFakeCartService({ updateDelayMs: 2 });
    const service = fake;
    const results = await hammer(service);
    for (const { customerId, cartId, sent } of results) {
      expect(sent.map((call) => call.response.status)).toEqual(Array(UPDATES_PER_CART).fill(201));
      const applied = service.appliedUpdates(customerId, cartId);
      expect(applied.map((update) => update.requestId).sort()).toEqual(sent.map((call) => call.requestId).sort());
      expect(applied.map((update) => update.basedOnRevision)).toEqual([...Array(UPDATES_PER_CART).keys()]);
      const stored = service.cart(customerId, cartId);
      const last = applied.at(-1)?.requestId;
      expectWhole(stored, last);
      const lastAnswer = sent.find((call) => call.requestId === last)?.response.body;
      expect(lastAnswer).toEqual(stored);
      for (const call of sent) expectWhole(call.response.body as FakeCart, call.requestId);
    }
  });

  it('in refuse mode answers 409 / 800064 to updates that overlap a running one, and applies exactly the accepted ones', async () => {
    fake = await startFakeCartService({ concurrency: 'refuse', updateDelayMs: 20 });
    const service = fake;
    const results = await hammer(service);
    let refused = 0;
    for (const { customerId, cartId, sent } of results) {
      const accepted = sent.filter((call) => call.response.status === 201).map((call) => call.requestId);
      const conflicts = sent.filter((call) => call.response.status === 409);
      expect(accepted.length + conflicts.length).toBe(UPDATES_PER_CART);
      for (const conflict of conflicts) expect(conflict.response.body).toMatchObject({ code: 800064 });
      refused += conflicts.length;
      const applied = service.appliedUpdates(customerId, cartId);
      expect(applied.map((update) => update.requestId).sort()).toEqual([...accepted].sort());
      expect(applied.map((update) => update.basedOnRevision)).toEqual([...Array(accepted.length).keys()]);
      expectWhole(service.cart(customerId, cartId), applied.at(-1)?.requestId);
    }
    expect(refused).toBeGreaterThan(0);
  });
});
