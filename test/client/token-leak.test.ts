import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCartClient, type CartUpdate } from '../../src/index.js';
import { CART_ID, createObservedFetch, CUSTOMER_ID, hangUntilAborted, json, TOKEN, type Responder } from '../support/observed-fetch.js';

const SECRET = 'SECRET-TOKEN-c0ffee';

/** Every way an error can be shown: message, stack, JSON, util.inspect (which includes cause and properties). */
function renderings(error: unknown): string[] {
  const asError = error as Error;
  return [String(error), asError.message, asError.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
}

const failures: [string, Responder, CartUpdate | undefined][] = [
  ['an API error', () => json(401, { code: 800001, description: 'token missing', data: [], source: 'PartnerFD' }), undefined],
  ['an empty error body', () => new Response(null, { status: 500 }), undefined],
  ['a network error', () => Promise.reject(new TypeError('fetch failed')), undefined],
  ['a timeout', hangUntilAborted, undefined],
  ['a validation error', () => json(200, {}), { lineItems: [] }],
];

describe('the token never leaks', () => {
  it.each(failures)('appears nowhere in %s', async (_, respond, body) => {
    const { fetch } = createObservedFetch(respond);
    const client = createCartClient({ credential: TOKEN, fetch, retry: { maxRetries: 1, baseDelayMs: 1 }, timeouts: { attemptMs: 10 } });
    const call = body ? client.updateCart(CUSTOMER_ID, CART_ID, body) : client.getCart(CUSTOMER_ID, CART_ID);
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    for (const text of renderings(error)) expect(text).not.toContain(SECRET);
  });

  it('is not quoted when it cannot be sent as a header (refused when the client is created)', () => {
    const { fetch, requests } = createObservedFetch(() => json(200, {}));
    let error: unknown;
    try {
      createCartClient({ credential: `${TOKEN}\nX-Injected: 1`, fetch });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ kind: 'credential' });
    for (const text of renderings(error)) expect(text).not.toContain(SECRET);
    expect(requests).toHaveLength(0);
  });
});
