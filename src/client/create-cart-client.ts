import createClient, { type Client } from 'openapi-fetch';
import { validateCorrelationId, validateLocale } from '../../generated/validators.js';
import type { paths } from '../../generated/schema.js';
import type { Cart, CartUpdate } from '../types.js';
import { assertCartPath } from '../validation/check-request.js';
import { bearerTokenPolicy, type Credential } from '../pipeline/bearer-token-policy.js';
import { clientNamePolicy } from '../pipeline/client-name-policy.js';
import { callIdsPolicy } from '../pipeline/call-ids-policy.js';
import { localePolicy } from '../pipeline/locale-policy.js';
import { composePipeline, type Policy, type SendNext } from '../pipeline/pipeline.js';
import { DEFAULT_RETRY, retryPolicy, type RetryOptions } from '../pipeline/retry-policy.js';
import { attemptTimeoutPolicy, overallTimeoutPolicy } from '../pipeline/timeout-policy.js';
import { destinationPolicy } from '../pipeline/destination-policy.js';
import { secretRedactionPolicy, tokenWitnessPolicy } from '../pipeline/secret-redaction-policy.js';
import { PartnerCenterCredentialError } from '../errors/index.js';
import { SecretRedactor } from '../errors/redact-secrets.js';
import { createFetchTransport, type FetchLike, platformResponse, type Respond } from '../transport/fetch-transport.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../transport/read-body.js';
import { wireBodyOf } from '../validation/wire-body.js';
import { apiErrorFrom } from './api-error.js';
import { checkBaseUrl, DEFAULT_BASE_URL } from './base-url.js';
import { CartQueue } from './cart-queue.js';
import { isHeaderValue } from './header-value.js';
import { cartFrom } from './success-body.js';

const CART_PATH = '/v1/customers/{customer-id}/carts/{cart-id}';

/** How long to wait for Partner Center. */
export interface TimeoutOptions {
  /** One attempt, until the whole response body has arrived. Default 30 000 ms. */
  attemptMs: number;
  /** The whole call, retries and their waits included. Default 120 000 ms. */
  overallMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<TimeoutOptions> = Object.freeze({ attemptMs: 30_000, overallMs: 120_000 });

/** Options of `createCartClient`; only `credential` is required. */
export interface CartClientOptions {
  /** A Partner Center access token, or a function returning one, called before every attempt. */
  credential: Credential;
  /** Default `https://api.partnercenter.microsoft.com`. Plain http is refused unless it points at this machine. */
  baseUrl?: string;
  /** `X-Locale` for localised error descriptions. Default `en-US`. */
  locale?: string;
  /** `MS-CorrelationId` for every call of this client (a per-call one wins). Default: a fresh GUID per client. */
  correlationId?: string;
  /** `MS-PartnerCenter-Client`. Default `partner-center-cart-contract`. */
  clientName?: string;
  /** Retry settings merged over the defaults, or `false` for a single attempt. */
  retry?: Partial<RetryOptions> | false;
  /** Timeout settings merged over the defaults, or `false` for none (the caller's signal still applies). */
  timeouts?: Partial<TimeoutOptions> | false;
  /** Check the body and ids against the contract before sending. Default `true`. */
  validateRequests?: boolean;
  /**
   * The `fetch` to send with. Default: on Node, undici's dispatcher (no fetch layer, see bench/results.md); in
   * browsers, `globalThis.fetch`.
   */
  fetch?: FetchLike;
  /** The largest response body read, counted after decompression; a larger one fails the call. Default 4 MiB. */
  maxResponseBytes?: number;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call, retries included; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** `MS-CorrelationId` for this call only. */
  correlationId?: string;
  /** `MS-RequestId` for this call (reuse it to repeat a call idempotently). Default: a fresh GUID. */
  requestId?: string;
}

/** Options of `modifyCart`: its GET and PUT are two logical calls, each with its own request id. */
export type ModifyCallOptions = Omit<CallOptions, 'requestId'>;

/** Changes a cart read from the service, in place or by returning the cart to send. */
// biome-ignore lint/suspicious/noConfusingVoidType: a mutator that changes the draft in place returns nothing, typed void by TypeScript
export type CartMutator = (cart: Cart) => void | CartUpdate | Promise<void | CartUpdate>;

/** The typed client `createCartClient` returns. */
export interface CartClient {
  /** Reads a cart. Rejects with one of the `CartClientError` classes. */
  getCart(customerId: string, cartId: string, options?: CallOptions): Promise<Cart>;
  /** Replaces a cart with `cart` (checked before sending) and returns the updated cart. */
  updateCart(customerId: string, cartId: string, cart: CartUpdate, options?: CallOptions): Promise<Cart>;
  /**
   * The documented read-modify-write flow: reads the cart, lets `mutate` change it, checks it and puts it back.
   * Properties the contract does not know survive the round trip. GET and PUT share one correlation id.
   */
  modifyCart(customerId: string, cartId: string, mutate: CartMutator, options?: ModifyCallOptions): Promise<Cart>;
  /** The openapi-fetch client underneath, with the same policies, for anything else the contract describes. */
  readonly raw: Client<paths>;
}

function resolveRetry(retry: CartClientOptions['retry']): RetryOptions {
  return retry === false ? { ...DEFAULT_RETRY, maxRetries: 0 } : { ...DEFAULT_RETRY, ...retry };
}

function buildPolicies(
  options: CartClientOptions,
  correlationId: string,
  validate: boolean,
  redactor: SecretRedactor,
  baseUrl: string,
): Policy[] {
  const timeouts = options.timeouts === false ? undefined : { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  // Outermost first: scrubbing of errors and the destination check, ids and fixed headers once per logical call,
  // then the deadline of the whole call, the retry loop, and per attempt its own deadline and a (possibly
  // refreshed) token. No redirect is ever followed (the transports send with redirects off): it would carry the
  // token and the body to wherever the answer points, so a 3xx comes back as a PartnerCenterApiError.
  return [
    secretRedactionPolicy(redactor),
    destinationPolicy(baseUrl),
    callIdsPolicy({ correlationId, validate }),
    localePolicy(options.locale ?? 'en-US'),
    clientNamePolicy(options.clientName ?? 'partner-center-cart-contract'),
    ...(timeouts ? [overallTimeoutPolicy(timeouts.overallMs)] : []),
    retryPolicy(resolveRetry(options.retry)),
    ...(timeouts ? [attemptTimeoutPolicy(timeouts.attemptMs)] : []),
    bearerTokenPolicy(options.credential),
    tokenWitnessPolicy(redactor),
  ];
}

function checkOptions(options: CartClientOptions): void {
  // Every fixed header value is checked now, so that a bad one fails here and not on every later call.
  const { clientName } = options;
  if (clientName !== undefined && !isHeaderValue(clientName)) {
    throw new TypeError(`clientName ${JSON.stringify(clientName)} cannot be sent as a header: use printable characters only`);
  }
  if (typeof options.credential === 'string' && !isHeaderValue(options.credential)) {
    // The token itself is never quoted.
    throw new PartnerCenterCredentialError('the token is empty or holds line breaks or control characters');
  }
  const maxBytes = options.maxResponseBytes;
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes > 0))
    throw new TypeError('maxResponseBytes must be a positive whole number');
  if (options.locale !== undefined && !validateLocale(options.locale)) {
    throw new TypeError(`locale ${JSON.stringify(options.locale)} is not a culture name such as en-US`);
  }
  if (options.correlationId !== undefined && !validateCorrelationId(options.correlationId)) {
    throw new TypeError(`correlationId ${JSON.stringify(options.correlationId)} is not a GUID`);
  }
}

/** The caller's own ids for one call, as headers; the call ids policy fills in and checks the rest. */
function callHeaders(options: CallOptions | undefined): Record<string, string> {
  const header: Record<string, string> = {};
  if (options?.requestId !== undefined) header['MS-RequestId'] = options.requestId;
  if (options?.correlationId !== undefined) header['MS-CorrelationId'] = options.correlationId;
  return header;
}

/**
 * Creates a typed client for Partner Center carts: bearer auth, request and correlation ids, retries with backoff,
 * timeouts, and a check of every request against the contract before it is sent.
 *
 * @example
 * ```ts
 * import { createCartClient, PartnerCenterApiError } from 'partner-center-cart-contract';
 *
 * const client = createCartClient({ credential: async () => getPartnerCenterToken() });
 * const cart = await client.modifyCart(customerId, cartId, (draft) => {
 *   const [line] = draft.lineItems ?? [];
 *   if (line) line.quantity += 1;
 * });
 * console.log(cart.lineItems?.[0]?.quantity);
 * ```
 */
export function createCartClient(options: CartClientOptions): CartClient {
  return createCartClientWith(options, {
    transport: (maxBytes) => createFetchTransport((input, init) => fetch(input, init), maxBytes),
    Request: globalThis.Request,
    respond: platformResponse,
  });
}

/** What a platform gives the client when the caller brings no `fetch`. */
export interface PlatformDefaults {
  /** The transport to send with. */
  transport: (maxBytes: number) => SendNext;
  /** The Request class openapi-fetch builds requests with (on Node a lighter one than undici's). */
  Request: typeof globalThis.Request;
  /** Makes the Response for a body read whole, with a caller's `fetch` (on Node a lighter one than undici's). */
  respond: Respond;
}

/**
 * `createCartClient` with the transport to use when the caller passes no `fetch`: the package's Node entry passes
 * undici's, the default entry the platform `fetch`, so a browser bundle holds no Node-only code.
 */
export function createCartClientWith(options: CartClientOptions, platform: PlatformDefaults): CartClient {
  checkOptions(options);
  const correlationId = options.correlationId ?? crypto.randomUUID();
  const validate = options.validateRequests ?? true;
  const redactor = new SecretRedactor();
  if (typeof options.credential === 'string') redactor.remember(options.credential);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const send = composePipeline(
    buildPolicies(options, correlationId, validate, redactor, baseUrl),
    options.fetch ? createFetchTransport(options.fetch, maxBytes, platform.respond) : platform.transport(maxBytes),
  );
  const raw = createClient<paths>({ baseUrl, fetch: send, Request: platform.Request });
  const modifications = new CartQueue();

  /** The cart of a success answer, else the typed error; every error leaves scrubbed of tokens. */
  function answer(response: Response, data: string | undefined, error: unknown): Cart {
    try {
      if (!response.ok) throw apiErrorFrom(response, error);
      return cartFrom(response, data);
    } catch (failure) {
      // A server may echo the token in its description, data or body: scrubbed like every other error.
      throw redactor.redact(failure);
    }
  }

  async function getCart(customerId: string, cartId: string, call?: CallOptions): Promise<Cart> {
    if (validate) assertCartPath(customerId, cartId);
    const { data, error, response } = await raw.GET(CART_PATH, {
      params: { path: { 'customer-id': customerId, 'cart-id': cartId }, header: callHeaders(call) },
      signal: call?.signal,
      parseAs: 'text',
    });
    return answer(response, data, error);
  }

  async function put(customerId: string, cartId: string, wire: string, call?: CallOptions): Promise<Cart> {
    const { data, error, response } = await raw.PUT(CART_PATH, {
      params: { path: { 'customer-id': customerId, 'cart-id': cartId }, header: callHeaders(call) },
      // The body goes out as the exact text that was checked (see toWireBody); openapi-fetch does not re-serialise it.
      body: {} as CartUpdate,
      bodySerializer: () => wire,
      signal: call?.signal,
      parseAs: 'text',
    });
    return answer(response, data, error);
  }

  async function updateCart(customerId: string, cartId: string, cart: CartUpdate, call?: CallOptions): Promise<Cart> {
    if (validate) assertCartPath(customerId, cartId);
    return put(customerId, cartId, wireBodyOf(cart, validate), call);
  }

  async function modifyCart(customerId: string, cartId: string, mutate: CartMutator, call?: ModifyCallOptions): Promise<Cart> {
    const shared: ModifyCallOptions = { ...call, correlationId: call?.correlationId ?? correlationId };
    return modifications.run(`${String(customerId).toLowerCase()}/${String(cartId).toLowerCase()}`, async () => {
      // The cart was just parsed from the response, so it is already the caller's private copy to change.
      const read = await getCart(customerId, cartId, shared);
      const changed: unknown = (await mutate(read)) ?? read;
      return put(customerId, cartId, wireBodyOf(changed, validate), shared);
    });
  }

  return { getCart, updateCart, modifyCart, raw };
}
