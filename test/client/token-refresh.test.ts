import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { type CartUpdate, createCartClient, PartnerCenterApiError } from '../../src/index.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';
import { forwardingFetch } from '../support/forwarding-fetch.js';

/*
 * Token refresh on 401, against the stateful fake over HTTP: the fake's tokens expire by its clock (moved by hand
 * here), and a token it issues again for the same user is that user's refreshed token.
 */

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const HOUR_S = 3600;

describe('a 401 refreshes the token once and resends once', () => {
  it('an expired token: one credential({ forceRefresh: true }), one resend with the same MS-RequestId, applied once', async () => {
    const clock = createManualClock('2024-05-01T10:00:00.000Z');
    fake = await startFakeCartService({ clock: clock.now });
    const service = fake;
    const cart = activeCart();
    service.seedCart(cart);
    const userId = randomUUID();
    let current = service.issueToken({ userId, lifetimeSeconds: HOUR_S });
    const asked: boolean[] = [];
    const wire = forwardingFetch();
    const client = createCartClient({
      baseUrl: service.url,
      tracing: false,
      fetch: wire.fetch,
      credential: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        // Like a token cache: the same token until asked to refresh, then a new one from the identity provider.
        if (forceRefresh) current = service.issueToken({ userId, lifetimeSeconds: HOUR_S });
        return current;
      },
    });
    await client.updateCart(cart.customerId, cart.id, updateBody(3) as CartUpdate);
    expect(asked).toEqual([false]);

    clock.advance((HOUR_S + 1) * 1000); // the cached token has now expired
    const { cart: updated, response } = await client.withResponse.updateCart(cart.customerId, cart.id, updateBody(5) as CartUpdate);

    expect(asked).toEqual([false, false, true]);
    const [, expired, resent] = wire.exchanges;
    expect(wire.exchanges.map((exchange) => exchange.status)).toEqual([201, 401, 201]);
    expect(expired?.responseText).toContain('800001');
    const sentId = expired?.requestHeaders.get('MS-RequestId');
    expect(sentId).toMatch(/^[0-9a-f-]{36}$/i);
    expect(resent?.requestHeaders.get('MS-RequestId')).toBe(sentId);
    expect(resent?.requestHeaders.get('Authorization')).not.toBe(expired?.requestHeaders.get('Authorization'));
    expect(response.attempts).toBe(2);
    expect(updated.lineItems?.[0]?.quantity).toBe(5);
    const applied = service.appliedUpdates(cart.customerId, cart.id);
    expect(applied).toHaveLength(2);
    expect(applied[1]?.requestId).toBe(sentId);
    expect(service.cart(cart.customerId, cart.id)?.lastModifiedUser).toBe(userId);
  });

  it('a second 401 is final and typed, and nothing loops', async () => {
    fake = await startFakeCartService({ acceptToken: () => false });
    const cart = activeCart();
    fake.seedCart(cart);
    const asked: boolean[] = [];
    const wire = forwardingFetch();
    const client = createCartClient({
      baseUrl: fake.url,
      tracing: false,
      fetch: wire.fetch,
      credential: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return 'still-refused';
      },
    });
    const error = await client.updateCart(cart.customerId, cart.id, updateBody(3) as CartUpdate).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartnerCenterApiError);
    expect(error).toMatchObject({ status: 401, errorCode: 800001 });
    expect(asked).toEqual([false, true]);
    expect(wire.exchanges.map((exchange) => exchange.status)).toEqual([401, 401]);
    expect(fake.appliedUpdates(cart.customerId, cart.id)).toEqual([]);
  });

  it('ordinary calls ask with forceRefresh exactly false; a static token is sent once and its 401 is final', async () => {
    fake = await startFakeCartService({ acceptToken: (token) => token === 'good' });
    const cart = activeCart();
    fake.seedCart(cart);
    const asked: unknown[] = [];
    const wire = forwardingFetch();
    const refreshing = createCartClient({
      baseUrl: fake.url,
      tracing: false,
      fetch: wire.fetch,
      credential: (context) => {
        asked.push(context.forceRefresh);
        return 'good';
      },
    });
    await refreshing.getCart(cart.customerId, cart.id);
    expect(asked).toEqual([false]);
    const fixed = createCartClient({ baseUrl: fake.url, tracing: false, fetch: wire.fetch, credential: 'stale' });
    await expect(fixed.getCart(cart.customerId, cart.id)).rejects.toMatchObject({ status: 401, errorCode: 800001 });
    expect(wire.exchanges.map((exchange) => exchange.status)).toEqual([200, 401]);
  });
});
