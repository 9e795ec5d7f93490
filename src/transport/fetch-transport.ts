import { PartnerCenterResponseError } from '../errors/index.js';
import type { Exchange, SendNext } from '../pipeline/pipeline.js';
import { DEFAULT_MAX_RESPONSE_BYTES, isNullBodyStatus, readCapped, tooLarge } from './read-body.js';

/** The `fetch` the policies end in, the caller's or the global one: any standard `fetch` fits. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The transport over a standard `fetch` (the browser's, or one the caller passes). It reads the body whole before
 * answering, inside the attempt: so the deadlines and the caller's signal bound the body as well as the headers, a
 * reset mid-body fails the attempt (and is retried like any network failure), and `maxResponseBytes` caps what is
 * read, counted after decompression. Redirects are never followed here: the redirect policy decides.
 */
export function createFetchTransport(fetchImpl: FetchLike, maxBytes: number = DEFAULT_MAX_RESPONSE_BYTES): SendNext {
  return async (exchange) => {
    const response = await fetchImpl(exchange.url, {
      method: exchange.method,
      headers: exchange.headers,
      body: exchange.body,
      redirect: 'manual',
      signal: exchange.signal,
    });
    if (response.type === 'opaqueredirect') throw browserRedirect(exchange);
    if (response.body === null || isNullBodyStatus(response.status)) return response;
    const reader = response.body.getReader();
    const bytes = await readCapped(
      async () => {
        const { done, value } = await reader.read();
        return done ? undefined : value;
      },
      maxBytes,
      () => tooLarge(response.status, maxBytes, exchange.headers),
      () => void reader.cancel().catch(() => undefined),
    );
    return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** A browser hides where a redirect points, so the redirect policy cannot check it: refuse it. */
function browserRedirect(exchange: Exchange): PartnerCenterResponseError {
  return new PartnerCenterResponseError({
    problem: 'redirect',
    status: 0,
    detail: 'the service answered with a redirect, which a browser does not let the client inspect, so it was not followed',
    requestId: exchange.headers.get('MS-RequestId') ?? undefined,
    correlationId: exchange.headers.get('MS-CorrelationId') ?? undefined,
  });
}
