import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CartClient, type CartClientOptions, type CartUpdate, isCartClientError } from '../../src/index.js';
import { TRANSPORTS, VALID_UPDATE } from '../support/hostile-server.js';

/*
 * Third outside run (issue 12): resource growth in a long-lived client, measured with counts (listeners on the
 * caller's signal, process warnings, active timers), never with timing. Found: on the platform-fetch entry the
 * caller's signal went to openapi-fetch's Request, which keeps a listener on it until the Request is garbage
 * collected; one signal reused for 10 000 calls held 5 000 listeners and Node printed 3 500 MaxListenersExceeded
 * warnings. Now every call hands on a signal of its own and unhooks it when it ends. The Node entry held.
 */

const guid = (n: number, prefix: string): string => `${prefix}${n.toString(16).padStart(7, '0')}-0000-4000-8000-000000000000`;

/** An in-memory Partner Center: echoes the cart id, answers 429 (Retry-After 1) to every `throttleEvery`-th request. */
function memoryFetch(signal: AbortSignal, peak: { listeners: number }, throttleEvery = 0): NonNullable<CartClientOptions['fetch']> {
  let count = 0;
  return async (input, init) => {
    count += 1;
    peak.listeners = Math.max(peak.listeners, getEventListeners(signal, 'abort').length);
    const headers = new Headers(init.headers);
    const ids = { 'Content-Type': 'application/json', 'MS-RequestId': headers.get('MS-RequestId') ?? '' };
    if (throttleEvery > 0 && count % throttleEvery === 0) {
      return new Response('{"code":800000,"description":"throttled"}', { status: 429, headers: { ...ids, 'Retry-After': '1' } });
    }
    const cartId = /carts\/([^/?]+)/.exec(input)?.[1];
    return new Response(JSON.stringify({ id: cartId, lineItems: [{ id: 0, ...VALID_UPDATE.lineItems[0] }] }), {
      status: 200,
      headers: ids,
    });
  };
}

let warnings: string[] = [];
const onWarning = (warning: Error): void => {
  warnings.push(warning.message);
};
beforeEach(() => {
  warnings = [];
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
});

function calls(client: CartClient, index: number, signal: AbortSignal): Promise<unknown> {
  const customer = guid(index, 'a');
  const cart = guid(index, 'b');
  const ids = { signal, requestId: guid(index, 'c'), correlationId: guid(index, 'd') };
  switch (index % 4) {
    case 0:
      return client.getCart(customer, cart, ids);
    case 1:
      return client.updateCart(customer, cart, VALID_UPDATE as CartUpdate, ids);
    case 2:
      return client.modifyCart(
        customer,
        cart,
        (draft) => {
          const [line] = draft.lineItems;
          if (line) line.quantity += 1;
        },
        { signal, correlationId: ids.correlationId },
      );
    default:
      return client.raw.GET('/v1/customers/{customer-id}/carts/{cart-id}', {
        params: { path: { 'customer-id': customer, 'cart-id': cart } },
        signal,
      });
  }
}

describe.each(TRANSPORTS)('a long-lived client over %s', (_, createClient) => {
  it('one AbortSignal reused for 10 000 sequential calls holds at most one listener per call in flight, none after, and no warning (fixed on the fetch entry)', async () => {
    const signal = new AbortController().signal;
    const peak = { listeners: 0 };
    const client = createClient({
      credential: 'token-of-the-test',
      baseUrl: 'http://127.0.0.1:9',
      validateResponses: 'off',
      fetch: memoryFetch(signal, peak),
    });
    for (let index = 0; index < 10_000; index++) await calls(client, index, signal);
    // modifyCart's flow follows the caller's signal, and its GET and PUT follow the flow: one listener on the caller's.
    expect(peak.listeners).toBeLessThanOrEqual(1);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(warnings.filter((message) => message.includes('listeners added'))).toEqual([]);
  }, 60_000);

  it('20 000 calls over 20 000 customers, carts and ids, with every cap on and 429 pauses, leave no listener, no timer and no queued call', async () => {
    const signal = new AbortController().signal;
    const peak = { listeners: 0 };
    const timersBefore = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const client = createClient({
      credential: async () => 'token-of-the-test',
      baseUrl: 'http://127.0.0.1:9',
      validateResponses: 'off',
      retry: false,
      throttling: { maxConcurrentPerCustomer: 1, maxPerSecondPerCustomer: 100, maxConcurrent: 50, maxPauseMs: 5 },
      fetch: memoryFetch(signal, peak, 97),
    });
    let throttled = 0;
    for (let start = 0; start < 20_000; start += 100) {
      const batch = Array.from({ length: 100 }, (_unused, offset) =>
        calls(client, start + offset, signal).then(
          (answer) => {
            if ((answer as { response?: Response }).response?.status === 429) throttled += 1;
          },
          (error: unknown) => {
            if (!(isCartClientError(error) && error.kind === 'api')) throw error;
            throttled += 1;
          },
        ),
      );
      await Promise.all(batch);
    }
    expect(throttled).toBeGreaterThan(100);
    // Every call has settled: its listeners are gone at once; a pause timer ends after maxPauseMs (polled, bounded).
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    for (let round = 0; round < 100; round++) {
      if (process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length <= timersBefore) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length).toBeLessThanOrEqual(timersBefore);
    expect(warnings.filter((message) => message.includes('listeners added'))).toEqual([]);
  }, 60_000);
});
