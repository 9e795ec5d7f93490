import createClient, { type Client } from 'openapi-fetch';
import { validateCorrelationId, validateLocale } from '../../generated/validators.js';
import type { paths } from '../../generated/schema.js';
import type { Cart, CartUpdate } from '../types.js';
import { assertCartPath } from '../validation/check-request.js';
import { assertRoundTrip } from '../validation/round-trip.js';
import { bearerTokenPolicy, type Credential } from '../pipeline/bearer-token-policy.js';
import { clientNamePolicy } from '../pipeline/client-name-policy.js';
import { callIdsPolicy } from '../pipeline/call-ids-policy.js';
import { localePolicy } from '../pipeline/locale-policy.js';
import { composePipeline, type Policy, type SendNext } from '../pipeline/pipeline.js';
import { DEFAULT_RETRY, retryPolicy, type RetryOptions } from '../pipeline/retry-policy.js';
import { attemptTimeoutPolicy, overallTimeoutPolicy } from '../pipeline/timeout-policy.js';
import { destinationPolicy } from '../pipeline/destination-policy.js';
import { secretRedactionPolicy, tokenWitnessPolicy } from '../pipeline/secret-redaction-policy.js';
import { CartValidationError, type PartnerCenterApiError, PartnerCenterCredentialError } from '../errors/index.js';
import { raceSignal } from '../pipeline/race-signal.js';
import { SecretRedactor } from '../errors/redact-secrets.js';
import { createFetchTransport, type FetchLike, platformResponse, type Respond } from '../transport/fetch-transport.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../transport/read-body.js';
import { wireBodyOf } from '../validation/wire-body.js';
import { apiErrorFrom } from './api-error.js';
import { checkBaseUrl, DEFAULT_BASE_URL } from './base-url.js';
import { CartQueue } from './cart-queue.js';
import { rawClient } from './raw-client.js';
import { flowBound } from './flow-bound.js';
import {
  callOptionViolations,
  definedOnly,
  settingsViolations,
  snapshotCallOptions,
  throttlingViolations,
  type TimeoutOptions,
} from './call-settings.js';
import { quoteValue } from '../validation/quote-value.js';
import { isHeaderValue } from './header-value.js';
import { cartFrom } from './success-body.js';
import { responseMetadataOf, type WithResponse } from './call-metadata.js';
import { reportApiError, type SharedPolicies, type SharedPolicyOptions, sharedPolicies } from './shared-policies.js';
import { answerJudge, type ResponseDeviationHandler, type ResponseValidationMode } from '../drift/validate-responses.js';

const CART_PATH = '/v1/customers/{customer-id}/carts/{cart-id}';

export type { TimeoutOptions } from './call-settings.js';

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
  /**
   * The `fetch` to send with. Default: on Node, undici's dispatcher (no fetch layer, see bench/results.md); in
   * browsers, `globalThis.fetch`.
   */
  fetch?: FetchLike;
  /** The largest response body read, counted after decompression; a larger one fails the call. Default 4 MiB. */
  maxResponseBytes?: number;
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
   * as they came. GET and PUT share one correlation id, and one client runs one `modifyCart` per cart at a time.
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
  return retry === false ? { ...DEFAULT_RETRY, maxRetries: 0 } : { ...DEFAULT_RETRY, ...definedOnly(retry) };
}

function resolveTimeouts(timeouts: CartClientOptions['timeouts']): TimeoutOptions | undefined {
  return timeouts === false ? undefined : { ...DEFAULT_TIMEOUTS, ...definedOnly(timeouts) };
}

/** A call's own settings over the client's: `false` wins either way, objects merge. */
function overridden<T extends object>(
  client: Partial<T> | false | undefined,
  call: Partial<T> | false | undefined,
): Partial<T> | false | undefined {
  if (call === undefined) return client;
  return call === false || client === false ? call : { ...client, ...definedOnly(call) };
}

/** What every pipeline of one client shares: its secrets, its destination and its throttling and observers. */
interface ClientScope {
  readonly correlationId: string;
  readonly validate: boolean;
  readonly redactor: SecretRedactor;
  readonly baseUrl: string;
  readonly shared: SharedPolicies;
}

function buildPolicies(options: CartClientOptions, scope: ClientScope): Policy[] {
  const { correlationId, validate, redactor, baseUrl, shared } = scope;
  const timeouts = resolveTimeouts(options.timeouts);
  // Outermost first: scrubbing of errors and the destination check, ids and fixed headers once per logical call,
  // then the deadline of the whole call, the retry loop, and per attempt its own deadline and a (possibly
  // refreshed) token. No redirect is ever followed (the transports send with redirects off): it would carry the
  // token and the body to wherever the answer points, so a 3xx comes back as a PartnerCenterApiError. A 401 is
  // resent outside the retry loop; each attempt passes the throttling gates before its deadline starts.
  return [
    secretRedactionPolicy(redactor),
    destinationPolicy(baseUrl),
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
  const [badSetting, ...more] = [...settingsViolations(options.retry, options.timeouts), ...throttlingViolations(options.throttling)];
  if (badSetting) throw new TypeError([badSetting, ...more].map((found) => found.message).join('; '));
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

/**
 * The call's options, read once, after refusing before anything is sent an option that cannot be used (a NaN
 * deadline, a line break in an id, a signal that is not one).
 */
function checkedCallOptions<T extends CallOptions>(call: T | undefined): T | undefined {
  const own = snapshotCallOptions(call);
  const violations = callOptionViolations(own);
  if (violations.length > 0) throw new CartValidationError(violations);
  return own;
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
  const scope: ClientScope = { correlationId, validate, redactor, baseUrl, shared: sharedPolicies(options, redactor) };
  const transport = options.fetch ? createFetchTransport(options.fetch, maxBytes, platform.respond) : platform.transport(maxBytes);
  const send = composePipeline(buildPolicies(options, scope), transport);
  const judge = answerJudge(options.validateResponses ?? 'report', options.onResponseDeviation, (report) => redactor.scrubValue(report));
  const openapi = createClient<paths>({ baseUrl, fetch: send, Request: platform.Request });
  const modifications = new CartQueue();

  /** The `fetch` of a call with its own retry or timeout settings; undefined (the client's) for the others. */
  function fetchFor(call: CallOptions | undefined): ((request: Request) => Promise<Response>) | undefined {
    if (call?.retry === undefined && call?.timeouts === undefined) return undefined;
    const own = { ...options, retry: overridden(options.retry, call.retry), timeouts: overridden(options.timeouts, call.timeouts) };
    return composePipeline(buildPolicies(own, scope), transport);
  }

  /**
   * The cart of a success answer, else the typed error (reported to the error hook first); the answer is judged
   * against the contract as `validateResponses` says, and every error leaves scrubbed of tokens.
   */
  function answer(method: string, response: Response, data: string | undefined, error: unknown): Answer {
    try {
      if (!response.ok) {
        judge(response, error);
        // Scrubbed before the error hook sees it: a server may echo the token in its description, data or body.
        throw reportApiError(scope.shared.emit, method, response, redactor.redact(apiErrorFrom(response, error)) as PartnerCenterApiError);
      }
      const cart = cartFrom(response, data);
      judge(response, cart, true);
      return { cart, response };
    } catch (failure) {
      // A server may echo the token in its description, data or body: scrubbed like every other error.
      throw redactor.redact(failure);
    }
  }

  async function getCartAnswer(customerId: string, cartId: string, given?: CallOptions): Promise<Answer> {
    const call = checkedCallOptions(given);
    if (validate) assertCartPath(customerId, cartId);
    return callCart('GET', customerId, cartId, call);
  }

  /** One typed GET or PUT of the cart; `wire` is the PUT's body. */
  async function callCart(method: 'GET' | 'PUT', customerId: string, cartId: string, call?: CallOptions, wire = ''): Promise<Answer> {
    // A signal of the call's own, following the caller's: see flowBound.
    const own = flowBound(call?.signal, undefined);
    try {
      const init = {
        params: { path: { 'customer-id': customerId, 'cart-id': cartId }, header: callHeaders(call) },
        signal: own.signal,
        fetch: fetchFor(call),
        parseAs: 'text' as const,
      };
      const { data, error, response } =
        method === 'GET'
          ? await openapi.GET(CART_PATH, init)
          : // The body goes out as the exact text that was checked (see wireBodyOf); openapi-fetch does not re-serialise it.
            await openapi.PUT(CART_PATH, { ...init, body: {} as CartUpdate, bodySerializer: () => wire });
      return answer(method, response, data, error);
    } finally {
      own.end();
    }
  }

  async function updateCartAnswer(customerId: string, cartId: string, cart: CartUpdate, given?: CallOptions): Promise<Answer> {
    const call = checkedCallOptions(given);
    if (validate) assertCartPath(customerId, cartId);
    return callCart('PUT', customerId, cartId, call, wireBodyOf(cart, validate));
  }

  async function modifyCartAnswer(customerId: string, cartId: string, mutate: CartMutator, given?: ModifyCallOptions): Promise<Answer> {
    const call = checkedCallOptions(given);
    if (validate) assertCartPath(customerId, cartId);
    const flow = flowBound(call?.signal, resolveTimeouts(overridden(options.timeouts, call?.timeouts))?.overallMs);
    // GET and PUT carry the flow's signal, so the wait in the queue, both calls and the mutator end together at the
    // caller's signal or the overall deadline, counted from the start of modifyCart.
    const both: ModifyCallOptions = { ...call, signal: flow.signal, correlationId: call?.correlationId ?? correlationId };
    try {
      return await modifications.run(
        // Ids compared without case; quoted, so that one that is not a string (validation off) cannot throw here.
        `${quoteValue(customerId)}/${quoteValue(cartId)}`.toLowerCase(),
        async () => {
          // The cart was just parsed from the response, so it is already the caller's private copy to change; the copy
          // kept beside it is what the service returned, which it accepts back even where the strict contract would not.
          const { cart: read, response } = await callCart('GET', customerId, cartId, both);
          flow.attempts = responseMetadataOf(response).attempts;
          const returned = structuredClone(read);
          // A mutator may never settle; raced like the token provider, so the cart's queue moves on without it.
          const mutated = await (flow.signal
            ? raceSignal(
                Promise.resolve().then(() => mutate(read)),
                flow.signal,
              )
            : mutate(read));
          const changed: unknown = mutated ?? read;
          return callCart(
            'PUT',
            customerId,
            cartId,
            both,
            wireBodyOf(changed, validate, (value) => assertRoundTrip(value, returned)),
          );
        },
        flow.signal,
      );
    } finally {
      flow.end();
    }
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
    raw: rawClient(openapi, send),
  };
}
