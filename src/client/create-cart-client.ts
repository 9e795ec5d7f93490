import createClient, { type Client } from 'openapi-fetch';
import { validateCorrelationId, validateLocale } from '../../generated/validators.js';
import type { paths } from '../../generated/schema.js';
import type { Cart, CartUpdate } from '../types.js';
import { assertCartPath, assertCartUpdate } from '../validation/check-request.js';
import { assertRoundTrip } from '../validation/round-trip.js';
import { bearerTokenPolicy, type Credential } from '../pipeline/bearer-token-policy.js';
import { clientNamePolicy } from '../pipeline/client-name-policy.js';
import { callIdsPolicy } from '../pipeline/call-ids-policy.js';
import { localePolicy } from '../pipeline/locale-policy.js';
import { composePipeline, createTransport, type FetchLike, type Policy } from '../pipeline/pipeline.js';
import { ReplayableRequest } from '../pipeline/replayable-request.js';
import { DEFAULT_RETRY, retryPolicy, type RetryOptions } from '../pipeline/retry-policy.js';
import { attemptTimeoutPolicy, overallTimeoutPolicy } from '../pipeline/timeout-policy.js';
import { apiErrorFrom } from './api-error.js';
import { checkBaseUrl, DEFAULT_BASE_URL } from './base-url.js';
import { responseMetadataOf, type WithResponse } from './call-metadata.js';
import { reportApiError, type SharedPolicies, type SharedPolicyOptions, sharedPolicies } from './shared-policies.js';
import { answerJudge, type ResponseDeviationHandler, type ResponseValidationMode } from '../drift/validate-responses.js';

const CART_PATH = '/v1/customers/{customer-id}/carts/{cart-id}';

/** How long to wait for Partner Center. */
export interface TimeoutOptions {
  /** One attempt, until the response headers arrive. Default 30 000 ms. */
  attemptMs: number;
  /** The whole call, retries and their waits included. Default 120 000 ms. */
  overallMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<TimeoutOptions> = Object.freeze({ attemptMs: 30_000, overallMs: 120_000 });

/** Options of `createCartClient`; only `credential` is required. */
export interface CartClientOptions extends SharedPolicyOptions {
  /**
   * A Partner Center access token, or a function returning one, called before every attempt as
   * `credential({ forceRefresh, signal })`; after a 401 it is called once with `forceRefresh: true` and the call is
   * sent once more.
   */
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
  /** The `fetch` to send with. Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /**
   * Check what Partner Center answers to typed calls against the contract: `'report'` (the default) hands each
   * deviation to `onResponseDeviation` and never fails the call, `'strict'` rejects with `PartnerCenterContractError`,
   * `'off'` does not look.
   */
  validateResponses?: ResponseValidationMode;
  /** Receives each deviation in `'report'` mode. Default: one `console.warn` line per deviation. */
  onResponseDeviation?: ResponseDeviationHandler;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call, retries included; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** `MS-CorrelationId` for this call only. */
  correlationId?: string;
  /** `MS-RequestId` for this call (reuse it to repeat a call idempotently). Default: a fresh GUID. */
  requestId?: string;
  /** Retry settings for this call, merged over the client's, or `false` for a single attempt. */
  retry?: Partial<RetryOptions> | false;
  /** Timeout settings for this call, merged over the client's, or `false` for none. */
  timeouts?: Partial<TimeoutOptions> | false;
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
   * Properties the contract does not know survive the round trip. What the caller changed is checked strictly;
   * values the service returned (a billing cycle this contract does not know yet, a timestamp without a zone) go back
   * as they came. GET and PUT share one correlation id.
   */
  modifyCart(customerId: string, cartId: string, mutate: CartMutator, options?: ModifyCallOptions): Promise<Cart>;
  /** The same three calls, resolving with the cart and what happened on the call (ids, MS-CV, attempts, time). */
  readonly withResponse: {
    getCart(customerId: string, cartId: string, options?: CallOptions): Promise<WithResponse<Cart>>;
    updateCart(customerId: string, cartId: string, cart: CartUpdate, options?: CallOptions): Promise<WithResponse<Cart>>;
    /** The metadata is the PUT's. */
    modifyCart(customerId: string, cartId: string, mutate: CartMutator, options?: ModifyCallOptions): Promise<WithResponse<Cart>>;
  };
  /** The openapi-fetch client underneath, with the same policies, for anything else the contract describes. */
  readonly raw: Client<paths>;
}

function resolveRetry(retry: CartClientOptions['retry']): RetryOptions {
  return retry === false ? { ...DEFAULT_RETRY, maxRetries: 0 } : { ...DEFAULT_RETRY, ...retry };
}

/** A call's own settings over the client's: `false` wins either way, objects merge. */
function overridden<T extends object>(
  client: Partial<T> | false | undefined,
  call: Partial<T> | false | undefined,
): Partial<T> | false | undefined {
  if (call === undefined) return client;
  return call === false || client === false ? call : { ...client, ...call };
}

function buildPolicies(options: CartClientOptions, correlationId: string, validate: boolean, shared: SharedPolicies): Policy[] {
  const timeouts = options.timeouts === false ? undefined : { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  // Outermost first: ids and fixed headers once per logical call, then the deadline of the whole call, the retry
  // loop, and per attempt its own deadline and a (possibly refreshed) token. A 401 is resent outside the retry loop;
  // each attempt passes the throttling gates before its deadline starts.
  return [
    callIdsPolicy({ correlationId, validate }),
    localePolicy(options.locale ?? 'en-US'),
    clientNamePolicy(options.clientName ?? 'partner-center-cart-contract'),
    shared.callObserver,
    ...(timeouts ? [overallTimeoutPolicy(timeouts.overallMs)] : []),
    ...(shared.tokenRefresh ? [shared.tokenRefresh] : []),
    retryPolicy(resolveRetry(options.retry), undefined, shared.onRetry),
    ...(shared.throttle ? [shared.throttle.gates] : []),
    shared.attemptObserver,
    ...(shared.throttle?.pauseOn429 ? [shared.throttle.pauseOn429] : []),
    ...(timeouts ? [attemptTimeoutPolicy(timeouts.attemptMs)] : []),
    bearerTokenPolicy(options.credential),
  ];
}

function checkOptions(options: CartClientOptions): void {
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

/** A typed call's cart with the Response it came in. */
interface Answer {
  cart: Cart;
  response: Response;
}

function withMetadata({ cart, response }: Answer): WithResponse<Cart> {
  return { cart, response: responseMetadataOf(response) };
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
  checkOptions(options);
  const correlationId = options.correlationId ?? crypto.randomUUID();
  const validate = options.validateRequests ?? true;
  const shared = sharedPolicies(options);
  const transport = createTransport(options.fetch ?? ((input, init) => fetch(input, init)));
  const send = composePipeline(buildPolicies(options, correlationId, validate, shared), transport);
  const judge = answerJudge(options.validateResponses ?? 'report', options.onResponseDeviation);
  const raw = createClient<paths>({ baseUrl: checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL), fetch: send, Request: ReplayableRequest });

  /** The `fetch` of a call with its own retry or timeout settings; undefined (the client's) for the others. */
  function fetchFor(call: CallOptions | undefined): ((request: Request) => Promise<Response>) | undefined {
    if (call?.retry === undefined && call?.timeouts === undefined) return undefined;
    const own = { ...options, retry: overridden(options.retry, call.retry), timeouts: overridden(options.timeouts, call.timeouts) };
    return composePipeline(buildPolicies(own, correlationId, validate, shared), transport);
  }

  /** A typed call's answer: the cart, or the API error it rejects with (reported to the error hook first). */
  function answer(method: string, data: Cart | undefined, error: unknown, response: Response): Answer {
    if (data === undefined) throw reportApiError(shared.emit, method, response, apiErrorFrom(response, error));
    return { cart: data, response };
  }

  async function getCartAnswer(customerId: string, cartId: string, call?: CallOptions): Promise<Answer> {
    if (validate) assertCartPath(customerId, cartId);
    const { data, error, response } = await raw.GET(CART_PATH, {
      params: { path: { 'customer-id': customerId, 'cart-id': cartId }, header: callHeaders(call) },
      signal: call?.signal,
      fetch: fetchFor(call),
    });
    judge(response, data ?? error);
    return answer('GET', data, error, response);
  }

  async function put(customerId: string, cartId: string, cart: CartUpdate, call?: CallOptions): Promise<Answer> {
    const { data, error, response } = await raw.PUT(CART_PATH, {
      params: { path: { 'customer-id': customerId, 'cart-id': cartId }, header: callHeaders(call) },
      body: cart,
      signal: call?.signal,
      fetch: fetchFor(call),
    });
    judge(response, data ?? error);
    return answer('PUT', data, error, response);
  }

  async function updateCartAnswer(customerId: string, cartId: string, cart: CartUpdate, call?: CallOptions): Promise<Answer> {
    if (validate) {
      assertCartPath(customerId, cartId);
      assertCartUpdate(cart);
    }
    return put(customerId, cartId, cart, call);
  }

  async function modifyCartAnswer(customerId: string, cartId: string, mutate: CartMutator, call?: ModifyCallOptions): Promise<Answer> {
    const both: ModifyCallOptions = { ...call, correlationId: call?.correlationId ?? correlationId };
    // The cart was just parsed from the response, so it is already the caller's private copy to change; the copy
    // kept beside it is what the service returned, which it accepts back even where the strict contract would not.
    const { cart: read } = await getCartAnswer(customerId, cartId, both);
    const returned = structuredClone(read);
    const changed: unknown = (await mutate(read)) ?? read;
    if (validate) assertRoundTrip(changed, returned);
    return put(customerId, cartId, changed as CartUpdate, both);
  }

  return {
    getCart: async (customerId, cartId, call) => (await getCartAnswer(customerId, cartId, call)).cart,
    updateCart: async (customerId, cartId, cart, call) => (await updateCartAnswer(customerId, cartId, cart, call)).cart,
    modifyCart: async (customerId, cartId, mutate, call) => (await modifyCartAnswer(customerId, cartId, mutate, call)).cart,
    withResponse: {
      getCart: async (customerId, cartId, call) => withMetadata(await getCartAnswer(customerId, cartId, call)),
      updateCart: async (customerId, cartId, cart, call) => withMetadata(await updateCartAnswer(customerId, cartId, cart, call)),
      modifyCart: async (customerId, cartId, mutate, call) => withMetadata(await modifyCartAnswer(customerId, cartId, mutate, call)),
    },
    raw,
  };
}
