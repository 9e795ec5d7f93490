import { describe, expect, it } from 'vitest';
import { createCartClient, PartnerCenterApiError } from '../../src/index.js';
import { CART_ID, createObservedFetch, CUSTOMER_ID, json, TOKEN } from '../support/observed-fetch.js';

async function failureOf(response: () => Response): Promise<PartnerCenterApiError> {
  const { fetch } = createObservedFetch(response);
  const client = createCartClient({ credential: TOKEN, fetch, retry: false });
  const error = await client.getCart(CUSTOMER_ID, CART_ID).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PartnerCenterApiError);
  return error as PartnerCenterApiError;
}

describe('PartnerCenterApiError mapping', () => {
  const documented: [number, number | string, string][] = [
    [400, 800002, 'Fix the request'],
    [401, 800001, 'new Partner Center access token'],
    [403, 20002, 'retrying will not help'],
    [404, 800008, 'carts expire'],
    [409, 800064, 'Another request is working on this cart'],
    [429, '429', 'throttling'],
    [500, 800003, 'try again later'],
    [503, 'ServiceUnavailable', 'try again later'],
  ];

  it.each(documented)('maps %i with code %s and says what to do next', async (status, code, advice) => {
    const headers = {
      'MS-RequestId': '4fa6dad6-a89f-4875-8247-8294a10ae1cf',
      'MS-CorrelationId': 'aaaa0000-bb11-2222-33cc-444444dddddd',
      'Retry-After': '7',
    };
    const error = await failureOf(() =>
      json(status, { code, description: `described ${status}`, data: ['x'], source: 'PartnerFD' }, headers),
    );
    expect(error).toMatchObject({
      kind: 'api',
      status,
      code,
      description: `described ${status}`,
      data: ['x'],
      source: 'PartnerFD',
      requestId: headers['MS-RequestId'],
      correlationId: headers['MS-CorrelationId'],
      retryAfterMs: 7000,
      rawBody: undefined,
    });
    expect(error.message).toContain(`answered ${status}`);
    expect(error.message).toContain(`code ${code}`);
    expect(error.message).toContain(advice);
  });

  it('handles an empty body, falling back to the ids it sent', async () => {
    const { fetch, requests } = createObservedFetch(() => new Response(null, { status: 429, statusText: 'Too Many Requests' }));
    const client = createCartClient({ credential: TOKEN, fetch, retry: false });
    const error = (await client.getCart(CUSTOMER_ID, CART_ID).catch((caught: unknown) => caught)) as PartnerCenterApiError;
    expect(error).toMatchObject({
      kind: 'api',
      status: 429,
      code: undefined,
      description: undefined,
      rawBody: undefined,
      retryAfterMs: undefined,
    });
    expect(error.requestId).toBe(requests[0]?.headers['ms-requestid']);
    expect(error.correlationId).toBe(requests[0]?.headers['ms-correlationid']);
    expect(error.message).toContain('429 Too Many Requests: an empty body');
  });

  it('handles a non-JSON body, keeping its text', async () => {
    const error = await failureOf(
      () => new Response('<html>Service Unavailable</html>', { status: 503, headers: { 'Content-Type': 'text/html' } }),
    );
    expect(error).toMatchObject({ status: 503, code: undefined, rawBody: '<html>Service Unavailable</html>' });
    expect(error.message).toContain('non-JSON body: <html>Service Unavailable</html>');
  });

  it('drops error fields of the wrong type instead of trusting them', async () => {
    const error = await failureOf(() => json(400, { code: { nested: true }, description: 42, data: 'not-a-list' }));
    expect(error).toMatchObject({ code: undefined, description: undefined, data: undefined, rawBody: undefined });
  });
});
