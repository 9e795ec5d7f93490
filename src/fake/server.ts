import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { breakCartResponse, type BrokenVariant, type CartResponse } from './broken-variants.js';
import { DEFAULT_CART_LIFETIME_MS, type FakeCart } from './cart-model.js';
import { CartStore, type AppliedUpdate, type ConcurrencyMode, type SeedCartInput, type UpdateOutcome } from './cart-store.js';
import { systemClock, type Clock } from './clock.js';
import { ErrorCode, errorBody } from './error-body.js';
import { FaultQueue, type FaultSpec } from './faults.js';
import { BodyTooLargeError, JSON_CONTENT_TYPE, readBodyText, sendBody } from './http-io.js';
import { acceptCartBody } from './validate-cart-body.js';

/** Options of {@link startFakeCartService}. */
export interface FakeCartServiceOptions {
  /** Default: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Where the fake reads the time (expiry, timestamps). Default: the system clock. */
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
  /** Which bearer tokens are accepted. Default: any non-empty token. */
  acceptToken?: (token: string) => boolean;
  /** The `lastModifiedUser` recorded for a token. Default: a GUID derived from the token. */
  userIdForToken?: (token: string) => string;
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
  /** Switches a contract-breaking variant on, or off with undefined. */
  setBrokenVariant(variant: BrokenVariant | undefined): void;
}

const CART_PATH = /^\/v1\/customers\/([^/]+)\/carts\/([^/]+)$/;
const IDEMPOTENCY_MEMORY = 10_000;
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
  const store = new CartStore({
    clock: options.clock ?? systemClock,
    lifetimeMs: options.cartLifetimeMs ?? DEFAULT_CART_LIFETIME_MS,
    currencyCode: options.currencyCode ?? 'USD',
    concurrency: options.concurrency ?? 'serialise',
    updateDelayMs: options.updateDelayMs ?? 0,
  });
  for (const customerId of options.customers ?? []) store.addCustomer(customerId);
  for (const seed of options.carts ?? []) store.seed(seed);

  const state: HandlerState = {
    store,
    faults: new FaultQueue(),
    brokenVariant: options.brokenVariant,
    acceptToken: options.acceptToken ?? ((token) => token.trim() !== ''),
    userIdForToken: options.userIdForToken ?? guidFromToken,
    replies: new Map(),
  };

  const server = createServer((request, response) => {
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
    setBrokenVariant(variant) {
      state.brokenVariant = variant;
    },
  };
}

interface HandlerState {
  store: CartStore;
  faults: FaultQueue;
  brokenVariant: BrokenVariant | undefined;
  acceptToken: (token: string) => boolean;
  userIdForToken: (token: string) => string;
  /** Successful PUT answers by client-sent MS-RequestId, replayed when a client retries with the same id. */
  replies: Map<string, CartResponse & { body: FakeCart }>;
}

async function handle(state: HandlerState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const clientRequestId = headerValue(request, 'ms-requestid');
  const requestId = clientRequestId ?? randomUUID();
  const echo = { 'MS-RequestId': requestId, 'MS-CorrelationId': headerValue(request, 'ms-correlationid') ?? randomUUID() };
  const reply = (result: CartResponse, extraHeaders: Record<string, string> = {}): void =>
    sendBody(response, result.status, result.contentType, result.body, { ...echo, ...extraHeaders });
  const fail = (status: number, code: number, description: string, extraHeaders: Record<string, string> = {}): void =>
    reply({ status, contentType: JSON_CONTENT_TYPE, body: errorBody(code, description) }, extraHeaders);

  const match = CART_PATH.exec(new URL(request.url ?? '/', 'http://fake').pathname);
  if (!match)
    return fail(
      404,
      ErrorCode.notFound,
      `No resource at ${request.url ?? '/'}; this fake serves /v1/customers/{customer-id}/carts/{cart-id}.`,
    );
  const customerId = decodeURIComponent(match[1] ?? '');
  const cartId = decodeURIComponent(match[2] ?? '');
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'PUT') {
    // Partner Center documents no error code for this; the fake uses the HTTP status as the code.
    return fail(405, 405, `${method} is not supported on a cart; use GET or PUT.`, { Allow: 'GET, PUT' });
  }

  const fault = state.faults.take(method);
  // A GET has nothing to apply, so an after-applying fault fails it straight away.
  if (fault && (!fault.afterApplying || method === 'GET')) return sendFault(fault, fail);

  const token = bearerToken(request);
  if (token === undefined || !state.acceptToken(token)) {
    return fail(401, ErrorCode.tokenMissing, 'The partner token is missing or not accepted; send Authorization: Bearer <access token>.', {
      'WWW-Authenticate': 'Bearer',
    });
  }

  if (method === 'GET') {
    const found = state.store.find(customerId, cartId);
    if (found.kind !== 'found') return fail(404, ErrorCode.cartNotFound, found.description);
    return reply(contractView(state, { status: 200, contentType: JSON_CONTENT_TYPE, body: found.cart }));
  }

  const replayKey = clientRequestId && `${customerId.toLowerCase()}/${cartId.toLowerCase()}/${clientRequestId}`;
  const replay = replayKey ? state.replies.get(replayKey) : undefined;
  if (replay) return reply(contractView(state, replay));

  const body = await readJsonBody(request);
  if (body.problem !== undefined) return fail(400, ErrorCode.invalidInput, body.problem);
  const accepted = acceptCartBody(body.value, cartId);
  if (accepted.problem !== undefined) return fail(400, ErrorCode.invalidInput, accepted.problem);

  const outcome = await state.store.update(customerId, cartId, accepted.cart, state.userIdForToken(token), requestId);
  if (outcome.kind !== 'found') return failUpdate(outcome, fail);
  const success = { status: 201, contentType: JSON_CONTENT_TYPE, body: outcome.cart };
  if (replayKey) remember(state.replies, replayKey, success);
  if (fault) return sendFault(fault, fail);
  return reply(contractView(state, success));
}

type Fail = (status: number, code: number, description: string, extraHeaders?: Record<string, string>) => void;

function failUpdate(outcome: Exclude<UpdateOutcome, { kind: 'found' }>, fail: Fail): void {
  switch (outcome.kind) {
    case 'not-found':
      fail(404, ErrorCode.cartNotFound, outcome.description);
      return;
    case 'busy':
      fail(409, ErrorCode.cartBusy, outcome.description);
      return;
    case 'ordered':
      // 400 with 800065 ("the cart was already checked out"): that documented code says exactly what
      // happened, and its documented status is 400. 409 is not used because Partner Center's 409
      // (800064) means "busy, try again", and a client retrying an ordered cart would never succeed.
      fail(400, ErrorCode.cartAlreadyCheckedOut, outcome.description);
      return;
  }
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

async function readJsonBody(
  request: IncomingMessage,
): Promise<{ value: unknown; problem?: undefined } | { value?: undefined; problem: string }> {
  const contentType = headerValue(request, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return { problem: `The request body must be JSON: send Content-Type: application/json (got ${contentType || 'no Content-Type'}).` };
  }
  let text: string;
  try {
    text = await readBodyText(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { problem: error.message };
    throw error;
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: `The request body is not valid JSON: ${(error as Error).message}.` };
  }
}

function remember(replies: HandlerState['replies'], key: string, response: CartResponse & { body: FakeCart }): void {
  replies.set(key, response);
  if (replies.size > IDEMPOTENCY_MEMORY) {
    const oldest = replies.keys().next().value;
    if (oldest !== undefined) replies.delete(oldest);
  }
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

/** A stable GUID per token, so different callers show up as different `lastModifiedUser`s without the token ever being stored. */
function guidFromToken(token: string): string {
  const hex = createHash('sha256').update(token).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function listenError(error: Error, options: FakeCartServiceOptions): Error {
  return new Error(
    `The fake cart service could not listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 0}: ${error.message}. Pick another port or stop what uses it.`,
  );
}
