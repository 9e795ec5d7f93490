import { SecretRedactor } from '../errors/redact-secrets.js';
import type { FetchLike } from '../transport/fetch-transport.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readCapped } from '../transport/read-body.js';
import type { HarEntry, HarLog, HarNameValue, HarResponse } from './har.js';
import { REDACTED, redactedNames, redactJsonText, redactUrl } from './redact.js';

/** Options of `recordHar`. */
export interface HarRecorderOptions {
  /**
   * More header, query parameter and JSON property names to redact, any case. Always redacted: Authorization,
   * Proxy-Authorization, Cookie, Set-Cookie and token-like names (access_token, client_secret, password...).
   */
  redact?: readonly string[];
  /**
   * The largest response body recorded, in bytes; a larger one is left out of the entry (noted in its `comment`) and
   * the recorder stops reading it, so the client's own `maxResponseBytes` still ends an endless body. Default 4 MiB,
   * the client's default cap.
   */
  maxBodyBytes?: number;
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

function headerList(headers: Headers, isRedacted: (name: string) => boolean, scrub: (text: string) => string): HarNameValue[] {
  const list: HarNameValue[] = [];
  headers.forEach((value, name) => {
    list.push({ name, value: isRedacted(name) ? REDACTED : scrub(value) });
  });
  return list;
}

/** What `readCapped` throws for `readUpTo` when a body passes the cap: one object, told apart by identity, never leaving here. */
const OVER_CAP = new Error('the body passed maxBodyBytes');

/** A body read from a clone, up to `maxBytes`; `complete` is false (and `bytes` empty) when it went on past them. */
async function readUpTo(response: Response, maxBytes: number): Promise<{ bytes: Uint8Array; size: number; complete: boolean }> {
  const body = response.clone().body;
  if (body === null) return { bytes: new Uint8Array(0), size: 0, complete: true };
  const reader = body.getReader();
  let size = 0;
  const nextChunk = async (): Promise<Uint8Array | undefined> => {
    const { done, value } = await reader.read();
    if (done) return undefined;
    size += value.byteLength;
    return value;
  };
  try {
    // Reading on would hold the whole body (an endless one until the deadline); the client stops at its own cap.
    const bytes = await readCapped(
      nextChunk,
      maxBytes,
      () => OVER_CAP,
      () => void reader.cancel().catch(() => undefined),
    );
    return { bytes, size, complete: true };
  } catch (error) {
    if (error !== OVER_CAP) throw error;
    return { bytes: new Uint8Array(0), size, complete: false };
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** HAR content for a body: text when it is UTF-8 (scrubbed), else base64 (HAR's `encoding`). */
function contentOf(
  read: { bytes: Uint8Array; size: number; complete: boolean },
  mimeType: string,
  redactText: (text: string) => string,
): HarResponse['content'] {
  if (!read.complete) return { size: read.size, mimeType };
  try {
    return { size: read.size, mimeType, text: redactText(UTF8.decode(read.bytes)) };
  } catch {
    return { size: read.size, mimeType, text: base64Of(read.bytes), encoding: 'base64' };
  }
}

/** Base64 without Node's Buffer: the recorder also runs in browsers. */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** Tokens the request carried (its Authorization, and headers redacted by name), to scrub wherever they are echoed. */
function rememberCredentials(headers: Headers, isRedacted: (name: string) => boolean, redactor: SecretRedactor): void {
  headers.forEach((value, name) => {
    if (!isRedacted(name)) return;
    redactor.remember(value);
    const credential = /^\S+\s+(\S+)$/.exec(value.trim())?.[1];
    if (credential !== undefined) redactor.remember(credential);
  });
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
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // Names are not enough: a server may echo the token anywhere (a description, MS-CV, a cart property). Every
  // credential a request carried, and anything shaped like a bearer token or a JWT, is scrubbed from the entry.
  const redactor = new SecretRedactor();
  const scrub = (text: string): string => redactor.scrub(text);
  const redactText = (text: string): string => redactJsonText(text, isRedacted, scrub);
  let entries: HarEntry[] = [];

  const recordingFetch: FetchLike = async (input, init) => {
    const started = Date.now();
    const response = await fetchImpl(input, init);
    const answered = Date.now();
    const requestHeaders = new Headers(init.headers);
    rememberCredentials(requestHeaders, isRedacted, redactor);
    // A clone, so that the caller still reads the body; reading it here makes the entry complete before returning.
    const read = await readUpTo(response, maxBodyBytes);
    const url = scrub(redactUrl(input, isRedacted));
    const requestText = typeof init.body === 'string' ? redactText(init.body) : undefined;
    const mimeType = response.headers.get('content-type') ?? '';
    entries.push({
      startedDateTime: new Date(started).toISOString(),
      time: Date.now() - started,
      request: {
        method: (init.method ?? 'GET').toUpperCase(),
        url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: headerList(requestHeaders, isRedacted, scrub),
        queryString: queryList(url),
        ...(requestText === undefined
          ? {}
          : { postData: { mimeType: requestHeaders.get('content-type') ?? 'application/json', text: requestText } }),
        headersSize: -1,
        bodySize: requestText === undefined ? 0 : new TextEncoder().encode(requestText).length,
      },
      response: {
        status: response.status,
        statusText: scrub(response.statusText),
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: headerList(response.headers, isRedacted, scrub),
        content: contentOf(read, mimeType, redactText),
        redirectURL: scrub(response.headers.get('location') ?? ''),
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: answered - started, receive: Date.now() - answered },
      ...(read.complete ? {} : { comment: `response body of more than ${maxBodyBytes} bytes not recorded` }),
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
