import { describe, expect, it } from 'vitest';
import {
  CartClientError,
  CartValidationError,
  createCartClient,
  isCartClientError,
  PartnerCenterApiError,
  PartnerCenterCredentialError,
  PartnerCenterNetworkError,
  PartnerCenterTimeoutError,
} from '../../src/index.js';
import { CART_ID, createObservedFetch, CUSTOMER_ID, json, serviceCart, TOKEN } from '../support/observed-fetch.js';

const CART_PATH = '/v1/customers/{customer-id}/carts/{cart-id}';
const path = { 'customer-id': CUSTOMER_ID, 'cart-id': CART_ID };

describe('error classes', () => {
  const samples = [
    new CartValidationError([{ path: 'lineItems', rule: 'minItems', message: 'lineItems must have at least 1 item', value: [] }]),
    new PartnerCenterApiError({
      status: 404,
      statusText: 'Not Found',
      code: 800008,
      description: 'The cart could not be found.',
      data: [],
      source: 'PartnerFD',
      requestId: undefined,
      correlationId: undefined,
      retryAfterMs: undefined,
      rawBody: undefined,
    }),
    new PartnerCenterNetworkError(3, new Error('ECONNREFUSED')),
    new PartnerCenterTimeoutError('attempt', 10, 1),
    new PartnerCenterCredentialError('the token provider threw'),
  ];

  it('share one base class, each with its own kind, and the guard knows every one', () => {
    expect(samples.map((error) => error.kind)).toEqual(['validation', 'api', 'network', 'timeout', 'credential']);
    for (const error of samples) {
      expect(error).toBeInstanceOf(CartClientError);
      expect(error).toBeInstanceOf(Error);
      expect(isCartClientError(error)).toBe(true);
    }
  });

  it('the guard also knows an error of another copy of the package by its shape, and nothing else', () => {
    const foreign = Object.assign(new Error('from a second copy of the package'), { kind: 'api' });
    expect(isCartClientError(foreign)).toBe(true);
    for (const other of [
      new Error('plain'),
      new TypeError('x'),
      Object.assign(new Error('odd'), { kind: 'other' }),
      { kind: 'api' },
      undefined,
      'api',
    ]) {
      expect(isCartClientError(other)).toBe(false);
    }
  });
});

describe('call ids, decided in one place for typed and raw calls', () => {
  it('gives a raw call a fresh request id and the client correlation id, and checks a raw call own ids before sending', async () => {
    const { fetch, requests } = createObservedFetch(() => json(200, serviceCart()));
    const correlationId = '11111111-2222-4333-8444-555555555555';
    const client = createCartClient({ credential: TOKEN, fetch, correlationId });
    await client.raw.GET(CART_PATH, { params: { path } });
    expect(requests[0]?.headers['ms-correlationid']).toBe(correlationId);
    expect(requests[0]?.headers['ms-requestid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const refused = client.raw.GET(CART_PATH, { params: { path, header: { 'MS-RequestId': 'not-a-guid' } } });
    await expect(refused).rejects.toMatchObject({
      kind: 'validation',
      violations: [{ path: 'requestId', rule: 'format', value: 'not-a-guid' }],
    });
    expect(requests).toHaveLength(1);
  });

  it('puts the id the policy chose into an API error, when the answer does not echo it', async () => {
    const { fetch, requests } = createObservedFetch(() => new Response('', { status: 404 }));
    const client = createCartClient({ credential: TOKEN, fetch, retry: false });
    const error = await client.getCart(CUSTOMER_ID, CART_ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartnerCenterApiError);
    expect((error as PartnerCenterApiError).requestId).toBe(requests[0]?.headers['ms-requestid']);
    expect((error as PartnerCenterApiError).correlationId).toBe(requests[0]?.headers['ms-correlationid']);
  });
});
