import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCartService, type FakeCartService } from '../../src/fake/index.js';
import {
  createCartClient,
  isCartClientError,
  PartnerCenterContractError,
  type ResponseDeviationReport,
  type ResponseValidationMode,
} from '../../src/index.js';
import { activeCart } from '../support/cart-fixtures.js';

// validateResponses against the real fake, made to break the contract with its broken variants.
let fake: FakeCartService;
beforeAll(async () => {
  fake = await startFakeCartService();
});
afterAll(async () => {
  await fake?.stop();
});

function clientWith(mode: ResponseValidationMode | undefined, reports: ResponseDeviationReport[]) {
  return createCartClient({
    credential: 'token',
    baseUrl: fake.url,
    retry: false,
    ...(mode === undefined ? {} : { validateResponses: mode }),
    onResponseDeviation: (report) => reports.push(report),
  });
}

describe('validateResponses', () => {
  it('report (the default) hands each deviation over with the request id and returns the cart', async () => {
    const cart = activeCart();
    fake.seedCart(cart);
    fake.setBrokenVariant('wrong-field-type');
    try {
      const reports: ResponseDeviationReport[] = [];
      const read = await clientWith(undefined, reports).getCart(cart.customerId, cart.id, {
        requestId: '4fa6dad6-a89f-4875-8247-8294a10ae1cf',
      });
      expect(read.id).toBe(cart.id);
      expect(reports).toEqual([
        expect.objectContaining({
          part: 'body',
          path: 'lineItems[0].quantity',
          rule: 'type',
          value: '2',
          status: 200,
          requestId: '4fa6dad6-a89f-4875-8247-8294a10ae1cf',
        }),
      ]);
    } finally {
      fake.setBrokenVariant(undefined);
    }
  });

  it('report never breaks the call, even when the handler throws', async () => {
    const cart = activeCart();
    fake.seedCart(cart);
    // A field of the wrong type still leaves a usable cart (a wrong content type would not: that is a typed
    // PartnerCenterResponseError whatever the mode), so only the report sees it.
    fake.setBrokenVariant('wrong-field-type');
    try {
      let reported = 0;
      const client = createCartClient({
        credential: 'token',
        baseUrl: fake.url,
        retry: false,
        validateResponses: 'report',
        onResponseDeviation: () => {
          reported += 1;
          throw new Error('a broken logger');
        },
      });
      await expect(client.getCart(cart.customerId, cart.id)).resolves.toBeDefined();
      expect(reported).toBeGreaterThan(0);
    } finally {
      fake.setBrokenVariant(undefined);
    }
  });

  it('strict rejects with PartnerCenterContractError naming status, request id and deviations', async () => {
    const cart = activeCart();
    fake.seedCart(cart);
    fake.setBrokenVariant('missing-required-field');
    try {
      const failure = await clientWith('strict', [])
        .getCart(cart.customerId, cart.id, { requestId: 'c0ffee00-1d3f-4e5a-9b6c-7d8e9f0a1b2c' })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PartnerCenterContractError);
      expect(isCartClientError(failure) && failure.kind).toBe('contract');
      expect(failure).toMatchObject({
        status: 200,
        requestId: 'c0ffee00-1d3f-4e5a-9b6c-7d8e9f0a1b2c',
        deviations: [expect.objectContaining({ path: 'lineItems[0].catalogItemId', rule: 'required' })],
      });
    } finally {
      fake.setBrokenVariant(undefined);
    }
  });

  it('a conforming answer reports nothing in any mode, and off does not look', async () => {
    const cart = activeCart();
    fake.seedCart(cart);
    const reports: ResponseDeviationReport[] = [];
    await clientWith('strict', reports).getCart(cart.customerId, cart.id);
    await clientWith('report', reports).getCart(cart.customerId, cart.id);
    await expect(clientWith('report', reports).getCart(cart.customerId, crypto.randomUUID())).rejects.toMatchObject({
      kind: 'api',
      status: 404,
    });
    expect(reports).toEqual([]);
    fake.setBrokenVariant('wrong-field-type');
    try {
      await clientWith('off', reports).getCart(cart.customerId, cart.id);
      expect(reports).toEqual([]);
    } finally {
      fake.setBrokenVariant(undefined);
    }
  });
});
