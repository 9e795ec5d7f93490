import type { FetchLike } from '../../src/index.js';

/** What one attempt put on the wire, as the injected fetch saw it. */
export interface ObservedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

export type Responder = (request: ObservedRequest, attempt: number) => Response | Promise<Response>;

function headersOf(init: RequestInit): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/** An injected `fetch` (no global patching) that records every attempt and answers with `respond`. */
export function createObservedFetch(respond: Responder): { fetch: FetchLike; requests: ObservedRequest[] } {
  const requests: ObservedRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    const signal = init.signal ?? undefined;
    if (!signal) throw new Error('every attempt must carry a signal');
    const observed: ObservedRequest = {
      method: init.method ?? 'GET',
      url: input,
      headers: headersOf(init),
      body: typeof init.body === 'string' ? init.body : '',
      signal,
    };
    requests.push(observed);
    return respond(observed, requests.length);
  };
  return { fetch, requests };
}

/** A responder that never answers, only rejects when the attempt's signal aborts. */
export const hangUntilAborted: Responder = (request) =>
  new Promise<Response>((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });

export const CUSTOMER_ID = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
export const CART_ID = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
export const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.SECRET-TOKEN-c0ffee.sig';

/** A cart as the service returns it, with properties this contract does not know. */
export function serviceCart(): Record<string, unknown> {
  return {
    id: CART_ID,
    creationTimestamp: '2018-03-15T17:15:02.3840528Z',
    lastModifiedTimestamp: '2018-03-15T17:15:02.3840528Z',
    status: 'Active',
    futureCartFlag: { nested: [1, 2, 3] },
    lineItems: [{ id: 0, catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 2, billingCycle: 'one_time', futureLineField: 'kept' }],
    links: { self: { uri: `/customers/${CUSTOMER_ID}/carts/${CART_ID}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Cart' },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
