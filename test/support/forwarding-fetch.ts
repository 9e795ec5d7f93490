import type { FetchLike } from '../../src/index.js';

/** One attempt as it went over the wire and what came back. */
export interface ForwardedExchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  body: string | undefined;
  status: number;
  responseHeaders: Headers;
  responseText: string;
}

export interface ForwardingFetch {
  /** Pass as the client's `fetch` option (no global patching). */
  fetch: FetchLike;
  /** Every attempt that got an answer, in order. */
  exchanges: ForwardedExchange[];
  /** Attempts started, counted before anything goes on the wire (so a failed send counts too). */
  attempts(): number;
}

/**
 * A `fetch` for the client's `fetch` option that forwards to the real network and records each attempt.
 * `extraHeaders` adds headers the client has no per-call option for, such as Prism's `Prefer`; it is asked
 * once per attempt with the method, so one logical flow (modifyCart's GET then PUT) can ask for different answers.
 * The body is read here, for the record, and handed to the client as a fresh Response with the same status and
 * headers.
 */
export function forwardingFetch(extraHeaders: (method: string) => Record<string, string> = () => ({})): ForwardingFetch {
  const exchanges: ForwardedExchange[] = [];
  let attempts = 0;
  const forward: FetchLike = async (input, init) => {
    attempts += 1;
    const method = init.method ?? 'GET';
    const requestHeaders = new Headers(init.headers);
    for (const [name, value] of Object.entries(extraHeaders(method))) requestHeaders.set(name, value);
    const response = await fetch(input, { ...init, headers: requestHeaders });
    const responseText = await response.text();
    const body = typeof init.body === 'string' ? init.body : undefined;
    exchanges.push({ method, url: input, requestHeaders, body, status: response.status, responseHeaders: response.headers, responseText });
    return new Response(responseText === '' ? null : responseText, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return { fetch: forward, exchanges, attempts: () => attempts };
}
