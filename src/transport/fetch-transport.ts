import type { SendNext } from '../pipeline/pipeline.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readCapped, tooLarge, unusableAnswer } from './read-body.js';

/** The `fetch` the policies end in, the caller's or the global one: any standard `fetch` fits. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Makes the Response handed on from a body read whole (Node's entry passes a cheaper one than the platform's). */
export type Respond = (bytes: Uint8Array<ArrayBuffer>, init: ResponseInit) => Response;

export const platformResponse: Respond = (bytes, init) => new Response(bytes, init);

/**
 * The transport over a standard `fetch` (the browser's, or one the caller passes). It reads the body whole before
 * answering, inside the attempt: so the deadlines and the caller's signal bound the body as well as the headers, a
 * reset mid-body fails the attempt (and is retried like any network failure), and `maxResponseBytes` caps what is
 * read, counted after decompression. Redirects are never followed here: the redirect policy decides.
 */
export function createFetchTransport(
  fetchImpl: FetchLike,
  maxBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
  respond: Respond = platformResponse,
): SendNext {
  return async (exchange) => {
    const response = await fetchImpl(exchange.url, {
      method: exchange.method,
      headers: exchange.headers,
      body: exchange.body,
      redirect: 'manual',
      signal: exchange.signal,
    });
    // A browser hides where a redirect points, so the redirect policy could not check it: refused.
    if (response.type === 'opaqueredirect') throw unusableAnswer('redirect', 0, 'a redirect was not followed', exchange.headers);
    if (response.body === null) return response;
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
    return respond(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
