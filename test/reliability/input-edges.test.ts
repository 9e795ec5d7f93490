import { describe, expect, it } from 'vitest';
import { createCartClient, type FetchLike } from '../../src/index.js';
import { parseRetryAfter } from '../../src/pipeline/retry-after.js';
import { CART_ID, CUSTOMER_ID, rejectionOf, VALID_UPDATE } from '../support/hostile-server.js';

/*
 * Hostile input: every one is refused before anything is sent, with a CartValidationError (never a RangeError or
 * a TypeError from deep inside), and the body checked is exactly the body sent.
 */

function recordingFetch(): { fetch: FetchLike; sent: string[] } {
  const sent: string[] = [];
  const fetch: FetchLike = async (_input, init) => {
    sent.push(String(init.body ?? ''));
    return new Response(typeof init.body === 'string' ? init.body : '{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, sent };
}

const line = { catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' as const };

function addOnChain(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { ...line };
  for (let level = 0; level < depth; level += 1) node = { ...line, addonItems: [node] };
  return node;
}

describe('hostile input', () => {
  it.each([
    ['an impossible calendar date', { lineItems: [{ ...line, customTermEndDate: '2024-02-30T00:00:00Z' }] }],
    ['29 February of a common year', { lineItems: [{ ...line, customTermEndDate: '2023-02-29T00:00:00Z' }] }],
    ['a 5 000-deep add-on chain', { lineItems: [addOnChain(5_000)] }],
    ['a 100 000-deep unknown property', { lineItems: [line], extra: JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) }],
    [
      'a circular body',
      (() => {
        const body: Record<string, unknown> = { lineItems: [line] };
        body.self = body;
        return body;
      })(),
    ],
    ['lineItems on the prototype only', Object.create({ lineItems: [line] }) as object],
    ['a toJSON that sends something else', { ...VALID_UPDATE, toJSON: () => ({ lineItems: [] }) }],
  ])('refuses %s with a validation error and sends nothing', async (_, body) => {
    const { fetch, sent } = recordingFetch();
    const client = createCartClient({ credential: 'token', fetch });
    const error = await rejectionOf(client.updateCart(CUSTOMER_ID, CART_ID, body as typeof VALID_UPDATE));
    expect(error).toMatchObject({ kind: 'validation' });
    expect(sent).toHaveLength(0);
  });

  it('accepts a leap day and sends exactly the text it checked', async () => {
    const { fetch, sent } = recordingFetch();
    const client = createCartClient({ credential: 'token', fetch });
    const body = { lineItems: [{ ...line, customTermEndDate: '2024-02-29T00:00:00Z' }], toJSON: undefined };
    await client.updateCart(CUSTOMER_ID, CART_ID, body);
    expect(sent).toEqual([JSON.stringify(body)]);
  });

  it.each(['name\r\nX-Injected: 1', 'name\n', '\tname', 'nul\0'])('refuses clientName %j at creation', (clientName) => {
    expect(() => createCartClient({ credential: 'token', clientName })).toThrow(/clientName .* cannot be sent as a header/);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxResponseBytes %d at creation', (maxResponseBytes) => {
    expect(() => createCartClient({ credential: 'token', maxResponseBytes })).toThrow(/maxResponseBytes/);
  });
});

describe('Retry-After per RFC 9110', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['1.5', undefined],
    ['-5', undefined],
    ['1e3', undefined],
    ['0', 0],
    [' 7 ', 7_000],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Wednesday, 01-Jan-25 00:00:30 GMT', 30_000],
    ['Wed Jan  1 00:00:30 2025', 30_000],
    ['99999999999', 2_147_483_647],
    ['Fri, 01 Jan 2100 00:00:00 GMT', 2_147_483_647],
  ])('reads %j as %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
