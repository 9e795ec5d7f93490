import { describe, expect, it } from 'vitest';
import { CartValidationError, createCartClient, findCartUpdateViolations, type CartUpdate } from '../../src/index.js';
import { CART_ID, createObservedFetch, CUSTOMER_ID, json, serviceCart, TOKEN } from '../support/observed-fetch.js';

const line = { catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' };
const withLine = (change: Record<string, unknown>): unknown => ({ lineItems: [{ ...line, ...change }] });

/** [case, body, expected violations as [path, rule, value]] */
const badBodies: [string, unknown, [string, string, unknown][]][] = [
  ['missing lineItems', {}, [['lineItems', 'required', undefined]]],
  ['empty lineItems', { lineItems: [] }, [['lineItems', 'minItems', []]]],
  ['quantity 0', withLine({ quantity: 0 }), [['lineItems[0].quantity', 'minimum', 0]]],
  ['negative quantity', withLine({ quantity: -1 }), [['lineItems[0].quantity', 'minimum', -1]]],
  ['fractional quantity', withLine({ quantity: 1.5 }), [['lineItems[0].quantity', 'type', 1.5]]],
  ['quantity as a string', withLine({ quantity: '2' }), [['lineItems[0].quantity', 'type', '2']]],
  [
    'missing catalogItemId',
    { lineItems: [{ quantity: 1, billingCycle: 'monthly' }] },
    [['lineItems[0].catalogItemId', 'required', undefined]],
  ],
  ['empty catalogItemId', withLine({ catalogItemId: '' }), [['lineItems[0].catalogItemId', 'minLength', '']]],
  ['unknown billingCycle', withLine({ billingCycle: 'weekly' }), [['lineItems[0].billingCycle', 'enum', 'weekly']]],
  [
    '6 additional partner ids',
    withLine({ additionalPartnerIdsOnRecord: ['1', '2', '3', '4', '5', '6'] }),
    [['lineItems[0].additionalPartnerIdsOnRecord', 'maxItems', ['1', '2', '3', '4', '5', '6']]],
  ],
  [
    'unknown participant key',
    withLine({ participants: [{ key: 'reseller', value: '517285' }] }),
    [['lineItems[0].participants[0].key', 'enum', 'reseller']],
  ],
  [
    'wrong types in nested add-ons',
    withLine({ addonItems: [{ catalogItemId: 42, quantity: 'one', billingCycle: 'monthly' }] }),
    [
      ['lineItems[0].addonItems[0].catalogItemId', 'type', 42],
      ['lineItems[0].addonItems[0].quantity', 'type', 'one'],
    ],
  ],
  [
    'a date-time without zone',
    withLine({ customTermEndDate: '0001-01-01T00:00:00' }),
    [['lineItems[0].customTermEndDate', 'format', '0001-01-01T00:00:00']],
  ],
  ['a string body', 'lineItems', [['', 'type', 'lineItems']]],
  ['a null body', null, [['', 'type', null]]],
  ['an array body', [line], [['', 'type', [line]]]],
];

describe('the PUT body is checked against CartUpdate before anything is sent', () => {
  it.each(badBodies)('refuses %s with the right path and no request', async (_, body, expected) => {
    const { fetch, requests } = createObservedFetch(() => json(201, serviceCart()));
    const client = createCartClient({ credential: TOKEN, fetch });
    const error = await client.updateCart(CUSTOMER_ID, CART_ID, body as CartUpdate).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CartValidationError);
    const { violations, kind, message } = error as CartValidationError;
    expect(kind).toBe('validation');
    expect(violations.map((violation) => [violation.path, violation.rule, violation.value])).toEqual(expected);
    for (const violation of violations) expect(violation.message.startsWith(violation.path || 'the cart')).toBe(true);
    expect(message).toMatch(/; nothing was sent$/);
    expect(requests).toHaveLength(0);
  });

  it('words a single violation as one sentence', () => {
    expect(findCartUpdateViolations(withLine({ quantity: 0 }))[0]?.message).toBe('lineItems[0].quantity must be >= 1 (got 0)');
  });

  it('lists every violation at once', () => {
    const body = {
      lineItems: [
        { ...line, quantity: 0 },
        { billingCycle: 'weekly', quantity: 2 },
      ],
    };
    expect(findCartUpdateViolations(body).map((violation) => violation.path)).toEqual([
      'lineItems[0].quantity',
      'lineItems[1].catalogItemId',
      'lineItems[1].billingCycle',
    ]);
  });

  it('accepts a cart as GET returned it, unknown properties included', () => {
    expect(findCartUpdateViolations(serviceCart())).toEqual([]);
    expect(
      findCartUpdateViolations({
        lineItems: [{ ...line, renewsTo: null, attestationAccepted: null, somethingNew: { a: 1 } }],
        anotherNew: true,
      }),
    ).toEqual([]);
  });
});

describe('path parameters are checked as GUIDs before anything is sent', () => {
  it.each([
    ['customer-id', 'not-a-guid', CART_ID],
    ['customer-id', `{${CUSTOMER_ID}}`, CART_ID],
    ['cart-id', CUSTOMER_ID, '12345'],
    ['cart-id', CUSTOMER_ID, ''],
  ])('refuses a bad %s (%s / %s)', async (path, customerId, cartId) => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const client = createCartClient({ credential: TOKEN, fetch });
    for (const call of [
      () => client.getCart(customerId, cartId),
      () => client.updateCart(customerId, cartId, { lineItems: [{ catalogItemId: 'x', quantity: 1, billingCycle: 'monthly' }] }),
      () => client.modifyCart(customerId, cartId, () => undefined),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CartValidationError);
      expect((error as CartValidationError).violations.map((violation) => violation.path)).toEqual([path]);
      expect((error as CartValidationError).message).toContain(`${path} must be a GUID`);
    }
    expect(requests).toHaveLength(0);
  });

  it('refuses a per-call request id that is not a GUID', async () => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const client = createCartClient({ credential: TOKEN, fetch });
    await expect(client.getCart(CUSTOMER_ID, CART_ID, { requestId: 'retry-1' })).rejects.toMatchObject({
      kind: 'validation',
      violations: [{ path: 'requestId' }],
    });
    expect(requests).toHaveLength(0);
  });
});
