import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { breakCartResponse, type BrokenVariant, type CartResponse } from './broken-variants.js';
import { DEFAULT_CART_LIFETIME_MS, type FakeCart, type JsonObject } from './cart-model.js';
import { parseCartPath } from './cart-path.js';
import { CartStore, type AppliedUpdate, type SeedCartInput, type UpdateInFlight } from './cart-store.js';
import { CartUpdates, type ConcurrencyMode, type UpdateResult } from './cart-updates.js';
import { systemClock, type Clock } from './clock.js';
import { ErrorCode, errorBody } from './error-body.js';
import { FaultQueue, type FaultSpec } from './faults.js';
import { BodyTooLargeError, JSON_CONTENT_TYPE, readBodyText, sendBody } from './http-io.js';
import { findTooDeepPath, MAX_JSON_DEPTH } from '../validation/json-depth.js';
import { ReplayCache } from './replay-cache.js';
import { CustomerThrottles, type ThrottledRequest, type ThrottleSpec } from './throttles.js';
import { guidFromToken, type IssueTokenOptions, TokenRegistry, type TokenCheck } from './tokens.js';
import { acceptCartBody } from './validate-cart-body.js';

/** Options of {@link startFakeCartService}. */
export interface FakeCartServiceOptions {
  /** Default: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Where the fake reads the time (cart expiry, timestamps, throttling windows, token lifetimes). Default: the system clock. */
  clock?: Clock;
  /** Carts present from the start. */
  carts?: SeedCartInput[];
  /** Customers that exist without carts (customers of seeded carts always exist). */
  customers?: string[];
  /** Filled into line items that carry no currency. Default `USD`. */
  currencyCode?: string;
  /** Carts count as not found this long after creation. Default 7 days. */
  cartLifetimeMs?: number;
  /** `serialise` (default) queues concurrent updates of one cart; `refuse` answers 409 / 800064 while one runs. */
  concurrency?: ConcurrencyMode;
  /** Time an update holds the cart between reading and writing it (widens the window for races). Default 0. */
  updateDelayMs?: number;
  /**
   * Awaited by every update while it holds its cart's lock, after reading the cart and before writing it: a test
   * can keep an update in flight until it has done something else (abort the client, send another writer).
   */
  holdUpdate?: (update: UpdateInFlight) => Promise<void> | void;
  /** Which bearer tokens are accepted (tokens from {@link FakeCartService.issueToken} always are). Default: any non-empty token. */
  acceptToken?: (token: string) => boolean;
  /** The `lastModifiedUser` recorded for a token not issued by the fake. Default: a GUID derived from the token. */
  userIdForToken?: (token: string) => string;
  /**
   * When set, every accepted token expires this many seconds after the fake first sees it, and then answers
   * 401 / 800001 ("expired"), as Partner Center's tokens do after about an hour. Default: tokens never expire.
   */
  tokenLifetimeSeconds?: number;
  /**
   * Bytes of successful PUT answers kept for MS-RequestId replays (the oldest are forgotten first). Default 32 MiB.
   */
  replayCacheBytes?: number;
  /** A client must send all request headers within this time or get 408. Default 10 000 ms. */
  headersTimeoutMs?: number;
  /** A client must send the whole request (headers and body) within this time or get 408. Default 30 000 ms. */
  requestTimeoutMs?: number;
  /** Break the contract on purpose (see {@link BrokenVariant}). */
  brokenVariant?: BrokenVariant;
}

/** A running fake of the Partner Center cart API (GET and PUT of `/v1/customers/{customer-id}/carts/{cart-id}`). */
export interface FakeCartService {
  /** Base URL, e.g. `http://127.0.0.1:4011` (no trailing slash, no `/v1`). */
  url: string;
  port: number;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
  /** Adds a cart (and its customer) and returns it as the API would. */
  seedCart(input: SeedCartInput): FakeCart;
  /** Makes a customer known without giving it a cart. */
  addCustomer(customerId: string): void;
  /** The stored cart, expired or not, or undefined. */
  cart(customerId: string, cartId: string): FakeCart | undefined;
  /** Every stored cart. */
  carts(): FakeCart[];
  /** The updates applied to a cart (MS-RequestId and the revision each was based on), in the order they were applied. */
  appliedUpdates(customerId: string, cartId: string): AppliedUpdate[];
  /** Queues a fault for the next matching request(s). */
  injectFaults(fault: FaultSpec): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /**
   * Throttles one customer, as Partner Center throttles a partner and customer pair: for `seconds` (by the fake's
   * clock) every request for that customer (any cart, any method) answers 429 with `Retry-After` (whole seconds
   * left, rounded up) and is recorded, without being applied; other customers are served as usual. Throttled
   * requests are refused before queued faults are taken and before the token is checked. Calling it again
   * replaces the window; `seconds: 0` lifts it.
   *
   * @example
   * ```ts
   * fake.throttle(customerA, { seconds: 2 });
   * // ... 20 updates for A and 20 for B through the client under test ...
   * expect(fake.throttledRequests(customerA)).toHaveLength(1); // the client paused A after the first 429
   * ```
   */
  throttle(customerId: string, spec: ThrottleSpec): void;
  /** Lifts every throttling window. */
  clearThrottles(): void;
  /** The requests answered 429 by {@link FakeCartService.throttle}, for one customer or all, oldest first. */
  throttledRequests(customerId?: string): ThrottledRequest[];
  /**
   * Mints a bearer token the fake accepts until it expires (default: `tokenLifetimeSeconds`, else one hour),
   * then answers 401 / 800001 with `WWW-Authenticate: Bearer error="invalid_token"`. Tokens issued with the same
   * `userId` are the same caller: a refreshed token may retry an update under its MS-RequestId.
   *
   * @example
   * ```ts
   * const first = fake.issueToken({ userId, lifetimeSeconds: 60 });
   * clock.advance(61_000); // requests with `first` now answer 401 as expired
   * const refreshed = fake.issueToken({ userId });
   * ```
   */
  issueToken(options?: IssueTokenOptions): string;
  /** Makes a token (issued by the fake or not) answer 401 / 800001 as expired from now on. */
  expireToken(token: string): void;
  /** Switches a contract-breaking variant on, or off with undefined. */
  setBrokenVariant(variant: BrokenVariant | undefined): void;
}

const DEFAULT_REPLAY_CACHE_BYTES = 32 * 1024 * 1024;
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Partner Center documents no body limit; 1 MiB holds thousands of line items, far beyond any real cart. */
const MAX_BODY_BYTES = 1024 * 1024;
const GATEWAY_FAULT_DESCRIPTIONS: Record<number, string> = {
  429: 'Too many requests; wait for the Retry-After interval and send the same request again.',
  503: 'The service is temporarily unavailable; retry later with the same MS-RequestId.',
};

/**
 * Starts an in-memory, stateful fake of Partner Center's cart API on loopback, for integration tests.
 *
 * @example
 * ```ts
 * const fake = await startFakeCartService();
 * const cart = fake.seedCart({ customerId: 'c0f2a3b4-0000-4000-8000-000000000001', lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' }] });
 * const res = await fetch(`${fake.url}/v1/customers/c0f2a3b4-0000-4000-8000-000000000001/carts/${cart.id}`, { headers: { Authorization: 'Bearer test' } });
 * await fake.stop();
 * ```
 */
export async function startFakeCartService(options: FakeCartServiceOptions = {}): Promise<FakeCartService> {
  const clock = options.clock ?? systemClock;
  const store = new CartStore({
    clock,
    lifetimeMs: options.cartLifetimeMs ?? DEFAULT_CART_LIFETIME_MS,
    currencyCode: options.currencyCode ?? 'USD',
    updateDelayMs: options.updateDelayMs ?? 0,
    holdUpdate: options.holdUpdate,
  });
  for (const customerId of options.customers ?? []) store.addCustomer(customerId);
  for (const seed of options.carts ?? []) store.seed(seed);

  const state: HandlerState = {
    store,
    updates: new CartUpdates(
      store,
      new ReplayCache(options.replayCacheBytes ?? DEFAULT_REPLAY_CACHE_BYTES),
      options.concurrency ?? 'serialise',
    ),
    faults: new FaultQueue(),
    throttles: new CustomerThrottles(clock),
    tokens: new TokenRegistry({
      clock,
      acceptToken: options.acceptToken ?? ((token) => token.trim() !== ''),
      userIdForToken: options.userIdForToken ?? guidFromToken,
      lifetimeSeconds: options.tokenLifetimeSeconds,
    }),
    brokenVariant: options.brokenVariant,
  };

  const server = createServer(serverTimeouts(options), (request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      if (!response.headersSent)
        sendBody(
          response,
          500,
          JSON_CONTENT_TYPE,
          errorBody(ErrorCode.unexpectedError, `The fake failed unexpectedly: ${(error as Error).message}`),
        );
      else response.destroy();
    });
  });
  // CONNECT never reaches the request handler, and without a listener Node drops the connection without a word: it
  // gets the 405 every other method the fake does not serve gets.
  server.on('connect', (_request, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, PUT\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(listenError(error as Error, options))),
  ]);
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    port,
    async stop() {
      if (!server.listening) return;
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
    seedCart: (input) => store.seed(input),
    addCustomer: (customerId) => store.addCustomer(customerId),
    cart: (customerId, cartId) => store.snapshot(customerId, cartId),
    carts: () => store.all(),
    appliedUpdates: (customerId, cartId) => store.appliedUpdates(customerId, cartId),
    injectFaults: (fault) => state.faults.add(fault),
    clearFaults: () => state.faults.clear(),
    throttle: (customerId, spec) => state.throttles.throttle(customerId, spec),
    clearThrottles: () => state.throttles.clear(),
    throttledRequests: (customerId) => state.throttles.throttledRequests(customerId),
    issueToken: (issueOptions) => state.tokens.issue(issueOptions),
    expireToken: (token) => state.tokens.expire(token),
    setBrokenVariant(variant) {
      state.brokenVariant = variant;
    },
  };
}

interface HandlerState {
  store: CartStore;
  updates: CartUpdates;
  faults: FaultQueue;
  throttles: CustomerThrottles;
  tokens: TokenRegistry;
  brokenVariant: BrokenVariant | undefined;
}

type Fail = (status: number, code: number, description: string, extraHeaders?: Record<string, string>) => void;

async function handle(state: HandlerState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const clientRequestId = headerValue(request, 'ms-requestid');
  const requestId = clientRequestId ?? randomUUID();
  const echo = { 'MS-RequestId': requestId, 'MS-CorrelationId': headerValue(request, 'ms-correlationid') ?? randomUUID() };
  const reply = (result: CartResponse, extraHeaders: Record<string, string> = {}): void =>
    sendBody(response, result.status, result.contentType, result.body, { ...echo, ...extraHeaders });
  const fail: Fail = (status, code, description, extraHeaders = {}) =>
    reply({ status, contentType: JSON_CONTENT_TYPE, body: errorBody(code, description) }, extraHeaders);

  const path = parseCartPath(request.url ?? '/');
  if (path.kind === 'malformed') return fail(400, ErrorCode.invalidInput, path.description);
  if (path.kind === 'elsewhere')
    return fail(
      404,
      ErrorCode.notFound,
      `No resource at ${request.url ?? '/'}; this fake serves /v1/customers/{customer-id}/carts/{cart-id}.`,
    );
  const { customerId, cartId } = path;
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'PUT') {
    // Partner Center documents no error code for this; the fake uses the HTTP status as the code.
    return fail(405, 405, `${method} is not supported on a cart; use GET or PUT.`, { Allow: 'GET, PUT' });
  }

  const throttledFor = state.throttles.check({ method, customerId, cartId, requestId });
  if (throttledFor !== undefined) {
    // Like the gateway faults below: no throttling code is documented, so the code is the HTTP status.
    return fail(
      429,
      429,
      `Too many requests for customer ${customerId}; wait ${throttledFor} s (Retry-After) and send the same request again.`,
      { 'Retry-After': String(throttledFor) },
    );
  }

  const fault = state.faults.take(method);
  // A GET has nothing to apply, so an after-applying fault fails it straight away.
  if (fault && (!fault.afterApplying || method === 'GET')) return sendFault(fault, fail);

  const caller = state.tokens.check(bearerToken(request));
  if (caller.kind !== 'accepted') return failAuthentication(caller, fail);

  if (method === 'GET') {
    const found = state.store.find(customerId, cartId);
    if (found.kind !== 'found') return fail(404, ErrorCode.cartNotFound, found.description);
    return reply(contractView(state, { status: 200, contentType: JSON_CONTENT_TYPE, body: found.cart }));
  }

  const body = await readCartBody(request, cartId);
  if (body.problem !== undefined)
    return fail(400, ErrorCode.invalidInput, body.problem, body.closeConnection ? { Connection: 'close' } : {});

  const outcome = await state.updates.update({
    customerId,
    cartId,
    body: body.value,
    bodyText: body.text,
    userId: caller.userId,
    requestId,
    clientSentRequestId: clientRequestId !== undefined,
  });
  if (outcome.kind !== 'found' && outcome.kind !== 'replayed') return failUpdate(outcome, fail);
  if (fault) return sendFault(fault, fail);
  return reply(contractView(state, { status: 201, contentType: JSON_CONTENT_TYPE, body: outcome.cart }));
}

function failAuthentication(check: Exclude<TokenCheck, { kind: 'accepted' }>, fail: Fail): void {
  if (check.kind === 'expired') {
    fail(
      401,
      ErrorCode.tokenMissing,
      'The partner token has expired; get a new token and send the request again with the same MS-RequestId.',
      {
        'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token expired"',
      },
    );
    return;
  }
  fail(401, ErrorCode.tokenMissing, 'The partner token is missing or not accepted; send Authorization: Bearer <access token>.', {
    'WWW-Authenticate': 'Bearer',
  });
}

/*
 * The status and code of each refused update. Ordered: 400 / 800065 ("the cart was already checked out") says
 * exactly what happened and is documented as 400; not 409, because Partner Center's 409 (800064) means "busy, try
 * again", and a client retrying an ordered cart would never succeed. A reused request id: 400 / 800002 (invalid
 * request input), because the spec documents MS-RequestId as the idempotency key, to be reused only for retries of
 * the same call, so a different cart, body or caller under a used id is bad input; not 409 / 800064 (a retry would be
 * refused the same way forever), and not the first answer (that would hand one caller's cart to another).
 */
const REFUSED_UPDATE: Readonly<Record<Exclude<UpdateResult, { kind: 'found' } | { kind: 'replayed' }>['kind'], readonly [number, number]>> =
  {
    'not-found': [404, ErrorCode.cartNotFound],
    busy: [409, ErrorCode.cartBusy],
    ordered: [400, ErrorCode.cartAlreadyCheckedOut],
    'request-id-reused': [400, ErrorCode.invalidInput],
  };

function failUpdate(outcome: Exclude<UpdateResult, { kind: 'found' } | { kind: 'replayed' }>, fail: Fail): void {
  const [status, code] = REFUSED_UPDATE[outcome.kind];
  fail(status, code, outcome.description);
}

function sendFault(fault: FaultSpec, fail: Fail): void {
  const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
  const description = GATEWAY_FAULT_DESCRIPTIONS[fault.status] ?? `Injected failure ${fault.status}; retry later.`;
  // Partner Center documents no error code for throttling or outages; the fake uses the HTTP status as the code.
  fail(fault.status, fault.status, description, headers);
}

function contractView(state: HandlerState, response: CartResponse & { body: FakeCart }): CartResponse {
  return state.brokenVariant ? breakCartResponse(state.brokenVariant, response) : response;
}

type CartBody = { value: JsonObject; text: string; problem?: undefined } | { problem: string; closeConnection?: boolean };

/**
 * Reads, parses and checks a PUT body, bounded in size and depth before anything else looks at it: the spec
 * declares no 413, so an oversized body is 400 / 800002 like any other invalid input.
 */
async function readCartBody(request: IncomingMessage, cartId: string): Promise<CartBody> {
  const contentType = headerValue(request, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return { problem: `The request body must be JSON: send Content-Type: application/json (got ${contentType || 'no Content-Type'}).` };
  }
  let text: string;
  try {
    text = await readBodyText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { problem: error.message, closeConnection: true };
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { problem: `The request body is not valid JSON: ${(error as Error).message}.` };
  }
  const tooDeep = findTooDeepPath(value, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    return {
      problem: `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep (at ${tooDeep}); send a flatter cart.`,
    };
  }
  const accepted = acceptCartBody(value, cartId);
  if (accepted.problem !== undefined) return { problem: accepted.problem };
  return { value: accepted.cart, text };
}

function serverTimeouts(options: FakeCartServiceOptions): ServerOptions {
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (
    !(
      Number.isSafeInteger(headersTimeout) &&
      headersTimeout > 0 &&
      Number.isSafeInteger(requestTimeout) &&
      requestTimeout >= headersTimeout
    )
  ) {
    throw new Error(
      `headersTimeoutMs and requestTimeoutMs must be whole milliseconds > 0 with requestTimeoutMs >= headersTimeoutMs (got ${headersTimeout} and ${requestTimeout}).`,
    );
  }
  // Node checks these deadlines only every connectionsCheckingInterval (30 s by default): check often enough that
  // a short timeout is kept to within about a tenth of itself.
  return { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 10))) };
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(headerValue(request, 'authorization') ?? '');
  return match?.[1]?.trim();
}

function listenError(error: Error, options: FakeCartServiceOptions): Error {
  return new Error(
    `The fake cart service could not listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0}: ${error.message}. Pick another port or stop what uses it.`,
  );
}
