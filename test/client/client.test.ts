import { describe, expect, it } from 'vitest';
import { CartValidationError, createCartClient, PartnerCenterApiError, type Cart } from '../../src/index.js';
import { CART_ID, createObservedFetch, CUSTOMER_ID, json, serviceCart, TOKEN } from '../support/observed-fetch.js';

describe('createCartClient', () => {
  it('reads a cart and accepts 200 and 201 for an update', async () => {
    const statuses = [200, 201, 200];
    const { fetch, requests } = createObservedFetch(() => json(statuses.shift() ?? 500, serviceCart()));
    const client = createCartClient({ credential: TOKEN, fetch });
    const cart = await client.getCart(CUSTOMER_ID, CART_ID);
    expect(cart.lineItems?.[0]?.billingCycle).toBe('one_time');
    const body = { lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'one_time' as const }] };
    await expect(client.updateCart(CUSTOMER_ID, CART_ID, body)).resolves.toMatchObject({ id: CART_ID });
    await expect(client.updateCart(CUSTOMER_ID, CART_ID, body)).resolves.toMatchObject({ id: CART_ID });
    expect(requests.map((request) => request.method)).toEqual(['GET', 'PUT', 'PUT']);
    expect(requests[1]?.headers['content-type']).toBe('application/json');
  });

  it('modifyCart keeps properties the contract does not know (tolerant reader) and shares the correlation id', async () => {
    const { fetch, requests } = createObservedFetch((request) =>
      request.method === 'GET' ? json(200, serviceCart()) : json(201, JSON.parse(request.body)),
    );
    const client = createCartClient({ credential: TOKEN, fetch });
    let seen: Cart | undefined;
    const updated = await client.modifyCart(CUSTOMER_ID, CART_ID, (cart) => {
      seen = cart;
      const [line] = cart.lineItems ?? [];
      if (line) line.quantity += 1;
    });
    expect(seen).toMatchObject({ futureCartFlag: { nested: [1, 2, 3] } });
    const sent = JSON.parse(requests[1]?.body ?? '{}');
    expect(sent).toEqual({ ...serviceCart(), lineItems: [{ ...(serviceCart().lineItems as object[])[0], quantity: 3 }] });
    expect(sent.futureCartFlag).toEqual({ nested: [1, 2, 3] });
    expect(sent.lineItems[0].futureLineField).toBe('kept');
    expect(updated.lineItems?.[0]?.quantity).toBe(3);
    expect(requests[0]?.headers['ms-correlationid']).toBe(requests[1]?.headers['ms-correlationid']);
    expect(requests[0]?.headers['ms-requestid']).not.toBe(requests[1]?.headers['ms-requestid']);
  });

  it('modifyCart refuses a change that breaks the contract, after the read and before the write', async () => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const client = createCartClient({ credential: TOKEN, fetch });
    const error = await client
      .modifyCart(CUSTOMER_ID, CART_ID, (cart) => {
        const [line] = cart.lineItems ?? [];
        if (line) line.quantity = 0;
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CartValidationError);
    expect((error as CartValidationError).message).toBe('lineItems[0].quantity must be >= 1 (got 0); nothing was sent');
    expect(requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('modifyCart sends the cart the mutator returns', async () => {
    const { fetch, requests } = createObservedFetch((request) =>
      request.method === 'GET' ? json(200, serviceCart()) : json(201, serviceCart()),
    );
    const client = createCartClient({ credential: TOKEN, fetch });
    const replacement = { lineItems: [{ catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K59S', quantity: 5, billingCycle: 'monthly' as const }] };
    await client.modifyCart(CUSTOMER_ID, CART_ID, () => replacement);
    expect(JSON.parse(requests[1]?.body ?? '{}')).toEqual(replacement);
  });

  it('sends an invalid body when validation is switched off, and the service has the last word', async () => {
    const { fetch, requests } = createObservedFetch(() => json(400, { code: 800002, description: 'invalid input' }));
    const client = createCartClient({ credential: TOKEN, fetch, validateRequests: false, retry: false });
    const error = await client.updateCart(CUSTOMER_ID, CART_ID, { lineItems: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartnerCenterApiError);
    expect(requests).toHaveLength(1);
  });

  it.each(['http://api.partnercenter.microsoft.com', 'http://10.0.0.1:4010', 'ftp://localhost', 'not a url'])(
    'refuses baseUrl %s',
    (baseUrl) => {
      expect(() => createCartClient({ credential: TOKEN, baseUrl })).toThrow(/baseUrl/);
    },
  );

  it.each([
    'http://127.0.0.1:4010',
    'http://127.8.9.10',
    'http://localhost:3000/',
    'http://[::1]:8080',
    'https://partner.partnercenterapi.microsoftonline.cn',
  ])('accepts baseUrl %s', (baseUrl) => {
    expect(() => createCartClient({ credential: TOKEN, baseUrl })).not.toThrow();
  });

  it('refuses a locale or correlation id that the contract does not allow', () => {
    expect(() => createCartClient({ credential: TOKEN, locale: 'en US' })).toThrow(/locale/);
    expect(() => createCartClient({ credential: TOKEN, correlationId: 'abc' })).toThrow(/correlationId/);
  });

  it('keeps the typed openapi-fetch client reachable, with the same policies', async () => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const client = createCartClient({ credential: TOKEN, fetch });
    const { data } = await client.raw.GET('/v1/customers/{customer-id}/carts/{cart-id}', {
      params: { path: { 'customer-id': CUSTOMER_ID, 'cart-id': CART_ID } },
    });
    expect(data?.id).toBe(CART_ID);
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(requests[0]?.headers['ms-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
