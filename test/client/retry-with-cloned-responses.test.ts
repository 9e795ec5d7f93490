import { expect, it } from 'vitest';
import { createCartClient, type FetchLike } from '../../src/index.js';

it('retries when the injected fetch keeps a clone of each response (logging, recording)', async () => {
  const cart = {
    id: 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605',
    lineItems: [{ id: 0, catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' }],
  };
  const kept: Response[] = [];
  let attempts = 0;
  const recordingFetch: FetchLike = async () => {
    attempts += 1;
    const response =
      attempts === 1
        ? new Response('{"code":"ServiceUnavailable","description":"busy"}', {
            status: 503,
            headers: { 'Content-Type': 'application/json', 'Retry-After': '0' },
          })
        : new Response(JSON.stringify(cart), { status: 200, headers: { 'Content-Type': 'application/json' } });
    kept.push(response.clone()); // read later, or never
    return response;
  };
  const client = createCartClient({
    credential: 't',
    baseUrl: 'http://127.0.0.1:1',
    fetch: recordingFetch,
    timeouts: { attemptMs: 2_000, overallMs: 3_000 },
  });
  await expect(client.getCart('d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d', cart.id)).resolves.toEqual(cart);
  expect(attempts).toBe(2);
}, 10_000);
