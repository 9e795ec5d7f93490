import type { FetchLike } from '../transport/fetch-transport.js';
import type { HarEntry, HarLog, HarNameValue } from './har.js';
import { REDACTED, redactedNames, redactJsonText, redactUrl } from './redact.js';

/** Options of `recordHar`. */
export interface HarRecorderOptions {
  /**
   * More header, query parameter and JSON property names to redact, any case. Always redacted: Authorization,
   * Proxy-Authorization, Cookie, Set-Cookie and token-like names (access_token, client_secret, password...).
   */
  redact?: readonly string[];
}

/** A `fetch` that writes down every exchange it carries, and the HAR 1.2 log of them. */
export interface HarRecorder {
  /** Pass this as the client's `fetch`. */
  readonly fetch: FetchLike;
  /** The exchanges recorded so far, as a HAR 1.2 document; `JSON.stringify` it into a `.har` file. */
  har(): HarLog;
  /** Forgets what was recorded. */
  clear(): void;
}

function headerList(headers: Headers, isRedacted: (name: string) => boolean): HarNameValue[] {
  const list: HarNameValue[] = [];
  headers.forEach((value, name) => {
    list.push({ name, value: isRedacted(name) ? REDACTED : value });
  });
  return list;
}

function queryList(url: string): HarNameValue[] {
  const list: HarNameValue[] = [];
  new URL(url).searchParams.forEach((value, name) => {
    list.push({ name, value });
  });
  return list;
}

/**
 * Wraps a `fetch` so that every exchange through it is recorded as a HAR 1.2 entry, with credentials redacted: the
 * way to record a staging run against the real Partner Center and check it in CI with `partner-center-cart-verify`.
 * An exchange that fails before an answer arrives (network error, abort) is not recorded.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { createCartClient } from 'partner-center-cart-contract';
 * import { recordHar } from 'partner-center-cart-contract/record';
 *
 * const recorder = recordHar(fetch, { redact: ['x-api-key'] });
 * const client = createCartClient({ credential: getToken, fetch: recorder.fetch });
 * await client.modifyCart(customerId, cartId, (cart) => void cart);
 * writeFileSync('staging.har', JSON.stringify(recorder.har(), null, 2));
 * ```
 */
export function recordHar(fetchImpl: FetchLike, options: HarRecorderOptions = {}): HarRecorder {
  const isRedacted = redactedNames(options.redact);
  let entries: HarEntry[] = [];

  const recordingFetch: FetchLike = async (input, init) => {
    const started = Date.now();
    const response = await fetchImpl(input, init);
    const answered = Date.now();
    // A clone, so that the caller still reads the body; reading it here makes the entry complete before returning.
    const responseText = await response.clone().text();
    const url = redactUrl(input, isRedacted);
    const requestHeaders = new Headers(init.headers);
    const requestText = typeof init.body === 'string' ? redactJsonText(init.body, isRedacted) : undefined;
    entries.push({
      startedDateTime: new Date(started).toISOString(),
      time: Date.now() - started,
      request: {
        method: (init.method ?? 'GET').toUpperCase(),
        url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: headerList(requestHeaders, isRedacted),
        queryString: queryList(url),
        ...(requestText === undefined
          ? {}
          : { postData: { mimeType: requestHeaders.get('content-type') ?? 'application/json', text: requestText } }),
        headersSize: -1,
        bodySize: requestText === undefined ? 0 : new TextEncoder().encode(requestText).length,
      },
      response: {
        status: response.status,
        statusText: response.statusText,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: headerList(response.headers, isRedacted),
        content: {
          size: new TextEncoder().encode(responseText).length,
          mimeType: response.headers.get('content-type') ?? '',
          text: redactJsonText(responseText, isRedacted),
        },
        redirectURL: response.headers.get('location') ?? '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: answered - started, receive: Date.now() - answered },
    });
    return response;
  };

  return {
    fetch: recordingFetch,
    har: () => ({
      log: { version: '1.2', creator: { name: 'partner-center-cart-contract recordHar', version: '1' }, entries: structuredClone(entries) },
    }),
    clear: () => {
      entries = [];
    },
  };
}
