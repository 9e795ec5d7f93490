import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, startFakeCartService, type FakeCart, type FakeCartService } from '../../src/fake/index.js';
import { activeCart, m365Line, reservationLine, updateBody } from '../support/cart-fixtures.js';
import { fetchCartDriver, type CartDriver } from '../support/cart-driver.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const clock = createManualClock('2024-05-01T10:00:00.000Z');
let fake: FakeCartService;
let api: CartDriver;

beforeAll(async () => {
  fake = await startFakeCartService({ clock: clock.now, acceptToken: (token) => token !== 'revoked-token' });
  api = fetchCartDriver(fake.url);
});
afterAll(async () => {
  await fake.stop();
});

const asCart = (body: unknown): FakeCart => body as FakeCart;

describe('fake cart service: reading', () => {
  it('returns a seeded cart with the Partner Center shape and JSON content type', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    const response = await api.getCart(seed.customerId, seed.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const cart = asCart(response.body);
    expect(cart).toMatchObject({
      id: seed.id,
      creationTimestamp: '2024-05-01T10:00:00.0000000Z',
      expirationTimestamp: '2024-05-08T10:00:00.0000000Z',
      status: 'Active',
      links: { self: { uri: `/customers/${seed.customerId}/carts/${seed.id}`, method: 'GET', headers: [] } },
      attributes: { objectType: 'Cart' },
    });
    expect(cart.lineItems).toEqual([{ ...m365Line, id: 0, currencyCode: 'USD', orderGroup: '0' }]);
  });

  it('answers 401 with error code 800001 without a bearer token, and for a token it does not accept', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    for (const token of [null, 'revoked-token']) {
      const response = await api.getCart(seed.customerId, seed.id, { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.body).toEqual({
        code: 800001,
        description: expect.stringContaining('Authorization: Bearer'),
        data: [],
        source: 'PartnerFD',
      });
    }
    const basic = await api.getCart(seed.customerId, seed.id, { token: null, headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
  });

  it('never echoes the token in an error', async () => {
    const response = await api.getCart(randomUUID(), randomUUID(), { token: 'revoked-token' });
    expect(JSON.stringify(response.body)).not.toContain('revoked-token');
  });

  it('answers 404 with 800008 for an unknown customer and for an unknown cart of a known customer', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    const unknownCustomer = await api.getCart(randomUUID(), seed.id);
    const unknownCart = await api.getCart(seed.customerId, randomUUID());
    const otherCustomersCart = await api.updateCart(randomUUID(), seed.id, updateBody(3));
    for (const response of [unknownCustomer, unknownCart, otherCustomersCart]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 800008, data: [], source: 'PartnerFD' });
    }
    expect((unknownCustomer.body as { description: string }).description).toContain('Customer');
    expect((unknownCart.body as { description: string }).description).toContain('Cart');
  });

  it('treats a cart as not found from 7 days after its creation, for reads and updates', async () => {
    const seed = activeCart({ creationTimestamp: new Date(clock.now().getTime() - 7 * DAY_MS + 1000) });
    fake.seedCart(seed);
    expect((await api.getCart(seed.customerId, seed.id)).status).toBe(200);
    clock.advance(1000);
    const read = await api.getCart(seed.customerId, seed.id);
    const update = await api.updateCart(seed.customerId, seed.id, updateBody(3));
    clock.set('2024-05-01T10:00:00.000Z');
    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ code: 800008 });
    expect(update.status).toBe(404);
    expect(fake.cart(seed.customerId, seed.id)?.lineItems[0]?.quantity).toBe(m365Line.quantity);
  });

  it('echoes MS-RequestId and MS-CorrelationId, and generates GUIDs when they are absent, on success and on errors', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    const requestId = randomUUID();
    const correlationId = randomUUID();
    for (const response of [
      await api.getCart(seed.customerId, seed.id, { requestId, correlationId }),
      await api.getCart(randomUUID(), seed.id, { requestId, correlationId }),
    ]) {
      expect(response.headers.get('ms-requestid')).toBe(requestId);
      expect(response.headers.get('ms-correlationid')).toBe(correlationId);
    }
    const generated = await api.getCart(seed.customerId, seed.id);
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(generated.headers.get('ms-requestid')).toMatch(guid);
    expect(generated.headers.get('ms-correlationid')).toMatch(guid);
  });

  it('answers 404 outside the cart path and 405 for other methods on a cart', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    const elsewhere = await fetch(`${fake.url}/v1/customers/${seed.customerId}/orders`, { headers: { Authorization: 'Bearer t' } });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ code: 1000 });
    const deletion = await fetch(`${fake.url}/v1/customers/${seed.customerId}/carts/${seed.id}`, {
      method: 'DELETE',
      headers: { Authorization: 'Bearer t' },
    });
    expect(deletion.status).toBe(405);
    expect(deletion.headers.get('allow')).toBe('GET, PUT');
  });
});

describe('fake cart service: updating', () => {
  it('answers 201 with the updated cart; server-owned fields stay, last-modified fields change', async () => {
    const seed = activeCart({ lastModifiedUser: randomUUID() });
    const before = fake.seedCart(seed);
    clock.advance(60_000);
    const response = await api.updateCart(seed.customerId, seed.id, updateBody(7), { token: 'another-user-token' });
    clock.set('2024-05-01T10:00:00.000Z');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const after = asCart(response.body);
    expect(after.id).toBe(before.id);
    expect(after.creationTimestamp).toBe(before.creationTimestamp);
    expect(after.expirationTimestamp).toBe(before.expirationTimestamp);
    expect(after.lastModifiedTimestamp).toBe('2024-05-01T10:01:00.0000000Z');
    expect(after.lastModifiedUser).not.toBe(before.lastModifiedUser);
    expect(after.lastModifiedUser).toMatch(/^[0-9a-f-]{36}$/);
    expect(after.lineItems[0]?.quantity).toBe(7);
    expect((await api.getCart(seed.customerId, seed.id)).body).toEqual(after);
  });

  it('ignores server-owned fields a client sends back after a GET (read-modify-write)', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    const read = asCart((await api.getCart(seed.customerId, seed.id)).body);
    const sentBack = {
      ...read,
      creationTimestamp: '2000-01-01T00:00:00Z',
      expirationTimestamp: '2999-01-01T00:00:00Z',
      status: 'Ordered',
      lastModifiedUser: 'someone-else',
      attributes: { objectType: 'Other' },
      lineItems: [{ ...read.lineItems[0], quantity: 9 }],
    };
    const updated = asCart((await api.updateCart(seed.customerId, seed.id, sentBack)).body);
    expect(updated).toMatchObject({
      creationTimestamp: read.creationTimestamp,
      expirationTimestamp: read.expirationTimestamp,
      status: 'Active',
      attributes: { objectType: 'Cart' },
    });
    expect(updated.lastModifiedUser).not.toBe('someone-else');
    expect(updated.lineItems[0]?.quantity).toBe(9);
  });

  it('assigns line ids when missing (lowest unused), fills currencyCode and orderGroup, keeps what the client set', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    const body = {
      lineItems: [
        { catalogItemId: 'A:0001:B', quantity: 1, billingCycle: 'monthly' },
        { ...m365Line, id: 0, currencyCode: 'EUR', orderGroup: '1' },
        { ...reservationLine, addonItems: [{ catalogItemId: 'ADDON:0001:C', quantity: 1, billingCycle: 'monthly' }] },
      ],
    };
    const cart = asCart((await api.updateCart(seed.customerId, seed.id, body)).body);
    expect(cart.lineItems.map((line) => [line.id, line.currencyCode, line.orderGroup])).toEqual([
      [1, 'USD', '0'],
      [0, 'EUR', '1'],
      [2, 'USD', '0'],
    ]);
    expect(cart.lineItems[2]?.addonItems).toEqual([
      { catalogItemId: 'ADDON:0001:C', quantity: 1, billingCycle: 'monthly', id: 0, currencyCode: 'USD', orderGroup: '0' },
    ]);
    expect(cart.lineItems[2]?.provisioningContext).toEqual(reservationLine.provisioningContext);
  });

  it('keeps properties it does not know, on the cart and on line items', async () => {
    const seed = activeCart({ extraProperties: { seededExtension: { tier: 'gold' } } });
    fake.seedCart(seed);
    expect((await api.getCart(seed.customerId, seed.id)).body).toMatchObject({ seededExtension: { tier: 'gold' } });
    const body = updateBody(4, { futureCartFlag: true });
    (body.lineItems as Array<Record<string, unknown>>)[0]!.futureLineField = ['x', 1];
    const cart = asCart((await api.updateCart(seed.customerId, seed.id, body)).body);
    expect(cart.futureCartFlag).toBe(true);
    expect(cart.lineItems[0]?.futureLineField).toEqual(['x', 1]);
    expect((await api.getCart(seed.customerId, seed.id)).body).toEqual(cart);
  });

  it('drops a line error sent by the client: only the server reports line problems', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    const body = { lineItems: [{ ...m365Line, error: { errorCode: 10001, errorDescription: 'bad' } }] };
    const cart = asCart((await api.updateCart(seed.customerId, seed.id, body)).body);
    expect(cart.lineItems[0]).not.toHaveProperty('error');
  });

  it('refuses an update of an Ordered cart with 400 / 800065 and leaves it unchanged', async () => {
    const seed = activeCart({ status: 'Ordered' });
    const before = fake.seedCart(seed);
    const response = await api.updateCart(seed.customerId, seed.id, updateBody(5));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 800065, description: expect.stringContaining('Ordered') });
    expect(fake.cart(seed.customerId, seed.id)).toEqual(before);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toEqual([]);
  });

  const invalidBodies: Array<[string, unknown, string]> = [
    ['a JSON array', [], 'request body must be a JSON object'],
    ['no lineItems', {}, 'lineItems is required'],
    ['empty lineItems', { lineItems: [] }, 'lineItems must have at least 1'],
    ['quantity 0', { lineItems: [{ ...m365Line, quantity: 0 }] }, 'lineItems[0].quantity'],
    ['quantity as a string', { lineItems: [{ ...m365Line, quantity: '2' }] }, 'lineItems[0].quantity'],
    ['missing catalogItemId', { lineItems: [{ quantity: 1, billingCycle: 'monthly' }] }, 'lineItems[0].catalogItemId'],
    ['unknown billing cycle', { lineItems: [m365Line, { ...m365Line, billingCycle: 'weekly' }] }, 'lineItems[1].billingCycle'],
    ['line id as a string', { lineItems: [{ ...m365Line, id: '0' }] }, 'lineItems[0].id'],
    [
      'duplicate line ids',
      {
        lineItems: [
          { ...m365Line, id: 1 },
          { ...m365Line, id: 1 },
        ],
      },
      'lineItems[1].id must be unique',
    ],
    ['bad term duration', { lineItems: [{ ...m365Line, termDuration: '1 year' }] }, 'lineItems[0].termDuration'],
    ['lower-case currency', { lineItems: [{ ...m365Line, currencyCode: 'usd' }] }, 'lineItems[0].currencyCode'],
    [
      'participant with an unknown key',
      { lineItems: [{ ...m365Line, participants: [{ key: 'reseller', value: '123' }] }] },
      'lineItems[0].participants[0].key',
    ],
    [
      'provisioning value not a string',
      { lineItems: [{ ...m365Line, provisioningContext: { scope: 1 } }] },
      'lineItems[0].provisioningContext.scope',
    ],
    ['renewsTo as an array', { lineItems: [{ ...m365Line, renewsTo: [] }] }, 'lineItems[0].renewsTo'],
    [
      'bad add-on',
      { lineItems: [{ ...m365Line, addonItems: [{ catalogItemId: 'X', quantity: -1, billingCycle: 'monthly' }] }] },
      'lineItems[0].addonItems[0].quantity',
    ],
    [
      'six additional partner ids',
      { lineItems: [{ ...m365Line, additionalPartnerIdsOnRecord: ['1', '2', '3', '4', '5', '6'] }] },
      'lineItems[0].additionalPartnerIdsOnRecord',
    ],
    ['attestation as a string', { partnerOnRecordAttestationAccepted: 'yes', lineItems: [m365Line] }, 'partnerOnRecordAttestationAccepted'],
    ['body id of another cart', { id: randomUUID(), lineItems: [m365Line] }, 'id must be omitted or equal'],
  ];

  it.each(invalidBodies)('refuses %s with 400 / 800002 naming the field, and changes nothing', async (_name, body, field) => {
    const seed = activeCart();
    const before = fake.seedCart(seed);
    const response = await api.updateCart(seed.customerId, seed.id, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 800002, source: 'PartnerFD', data: [] });
    expect((response.body as { description: string }).description).toContain(field);
    expect(fake.cart(seed.customerId, seed.id)).toEqual(before);
  });

  it('refuses a body that is not JSON, or not sent as JSON, with 400 / 800002', async () => {
    const seed = activeCart();
    fake.seedCart(seed);
    const malformed = await api.updateCart(seed.customerId, seed.id, '{"lineItems": [', {});
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 800002, description: expect.stringContaining('not valid JSON') });
    const asText = await api.updateCart(seed.customerId, seed.id, JSON.stringify(updateBody(2)), {
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(asText.status).toBe(400);
    expect(asText.body).toMatchObject({ code: 800002, description: expect.stringContaining('Content-Type: application/json') });
  });
});
