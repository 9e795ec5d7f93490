/*
 * Every failure of a client call is one of these classes, told apart by `kind`. None of them holds the request, its
 * headers or the credential, so a token can never reach a message, a property, a log line or JSON.stringify.
 */

/** One rule the request broke, found before anything was sent. */
export interface CartViolation {
  /** Where, written as in JavaScript: `lineItems[0].quantity`; `customer-id` for a path parameter; `` for the body itself. */
  readonly path: string;
  /** The schema keyword that failed: `required`, `minimum`, `type`, `enum`, `maxItems`, `format`, ... */
  readonly rule: string;
  /** A sentence naming the path, what is expected and what was found. */
  readonly message: string;
  /** The offending value (undefined when it is missing). */
  readonly value: unknown;
}

/**
 * The request broke the contract, so nothing was sent. `violations` lists every problem found.
 *
 * @example
 * ```ts
 * try {
 *   await client.updateCart(customerId, cartId, { lineItems: [] });
 * } catch (error) {
 *   if (error instanceof CartValidationError) console.error(error.violations.map((v) => v.message));
 * }
 * ```
 */
export class CartValidationError extends Error {
  readonly kind = 'validation' as const;
  override readonly name = 'CartValidationError';
  readonly violations: readonly CartViolation[];

  constructor(violations: readonly CartViolation[]) {
    const [first] = violations;
    super(
      violations.length === 1 && first
        ? `${first.message}; nothing was sent`
        : `${violations.length} problems in the request: ${violations.map((violation) => violation.message).join('; ')}; nothing was sent`,
    );
    this.violations = violations;
  }
}

/** Everything a Partner Center error answer says, for `PartnerCenterApiError`. */
export interface PartnerCenterApiErrorDetails {
  status: number;
  statusText: string;
  code: number | string | undefined;
  description: string | undefined;
  data: unknown[] | undefined;
  source: string | undefined;
  requestId: string | undefined;
  correlationId: string | undefined;
  retryAfterMs: number | undefined;
  /** The body as received when it was not a Partner Center error object (empty, HTML, plain text). */
  rawBody: string | undefined;
}

const NEXT_STEP: Readonly<Record<number, string>> = {
  400: 'Fix the request before sending it again.',
  401: 'Get a new Partner Center access token and try again.',
  403: 'The caller may not act on this customer or cart; retrying will not help.',
  404: 'Check the customer and cart ids; carts expire seven days after creation.',
  409: 'Another request is working on this cart; try again once it has finished.',
  429: 'Partner Center is throttling this caller; wait before trying again.',
};

function nextStep(status: number): string {
  return (
    NEXT_STEP[status] ??
    (status >= 500 ? 'The service failed; try again later and quote the request id if it persists.' : 'See the status and code.')
  );
}

/**
 * Partner Center answered with an error status (after any retries). The fields mirror its error body; `requestId`
 * and `correlationId` are what to quote in a support case.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (error instanceof PartnerCenterApiError && error.status === 404) console.log('no such cart', error.code);
 * }
 * ```
 */
export class PartnerCenterApiError extends Error implements PartnerCenterApiErrorDetails {
  readonly kind = 'api' as const;
  override readonly name = 'PartnerCenterApiError';
  readonly status: number;
  readonly statusText: string;
  readonly code: number | string | undefined;
  readonly description: string | undefined;
  readonly data: unknown[] | undefined;
  readonly source: string | undefined;
  readonly requestId: string | undefined;
  readonly correlationId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly rawBody: string | undefined;

  constructor(details: PartnerCenterApiErrorDetails) {
    const said = details.description ?? (details.rawBody ? `a non-JSON body: ${details.rawBody.slice(0, 200)}` : 'an empty body');
    const code = details.code === undefined ? '' : `, code ${details.code}`;
    super(
      `Partner Center answered ${[details.status, details.statusText].filter(Boolean).join(' ')}${code}: ${said} ` +
        `(request id ${details.requestId ?? 'unknown'}, correlation id ${details.correlationId ?? 'unknown'}). ${nextStep(details.status)}`,
    );
    this.status = details.status;
    this.statusText = details.statusText;
    this.code = details.code;
    this.description = details.description;
    this.data = details.data;
    this.source = details.source;
    this.requestId = details.requestId;
    this.correlationId = details.correlationId;
    this.retryAfterMs = details.retryAfterMs;
    this.rawBody = details.rawBody;
  }
}

/**
 * No answer came back: the connection failed on every attempt. `cause` is the last failure.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (error instanceof PartnerCenterNetworkError) console.log(`gave up after ${error.attempts} attempts`, error.cause);
 * }
 * ```
 */
export class PartnerCenterNetworkError extends Error {
  readonly kind = 'network' as const;
  override readonly name = 'PartnerCenterNetworkError';
  readonly attempts: number;

  constructor(attempts: number, cause: unknown) {
    super(
      `Could not reach Partner Center after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${describeCause(cause)}. ` +
        'Check the network and the baseUrl, then try again.',
      { cause },
    );
    this.attempts = attempts;
  }
}

/**
 * An attempt or the whole call ran out of time. `scope` says which deadline passed.
 *
 * @example
 * ```ts
 * const client = createCartClient({ credential: token, timeouts: { attemptMs: 5_000, overallMs: 20_000 } });
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (error instanceof PartnerCenterTimeoutError) console.log(error.scope, error.timeoutMs, error.attempts);
 * }
 * ```
 */
export class PartnerCenterTimeoutError extends Error {
  readonly kind = 'timeout' as const;
  override readonly name = 'PartnerCenterTimeoutError';
  readonly scope: 'attempt' | 'overall';
  readonly timeoutMs: number;
  readonly attempts: number;

  constructor(scope: 'attempt' | 'overall', timeoutMs: number, attempts: number) {
    super(
      scope === 'attempt'
        ? `Partner Center did not answer within ${timeoutMs} ms, on each of ${attempts} attempt${attempts === 1 ? '' : 's'}. Try again later or raise timeouts.attemptMs.`
        : `The call did not finish within ${timeoutMs} ms (${attempts} attempt${attempts === 1 ? '' : 's'} made). Try again later or raise timeouts.overallMs.`,
    );
    this.scope = scope;
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
  }
}

/**
 * The token provider failed, or gave something that cannot be sent as a token. Nothing was sent.
 *
 * @example
 * ```ts
 * const client = createCartClient({ credential: async () => { throw new Error('login expired'); } });
 * await client.getCart(customerId, cartId).catch((error) => error instanceof PartnerCenterCredentialError);
 * ```
 */
export class PartnerCenterCredentialError extends Error {
  readonly kind = 'credential' as const;
  override readonly name = 'PartnerCenterCredentialError';

  constructor(problem: string, cause?: unknown) {
    super(
      `Could not get a Partner Center token: ${problem}. Check the credential passed to createCartClient.`,
      cause === undefined ? undefined : { cause },
    );
  }
}

/** Every error a cart client call rejects with, apart from the caller's own abort reason. */
export type CartClientError =
  | CartValidationError
  | PartnerCenterApiError
  | PartnerCenterNetworkError
  | PartnerCenterTimeoutError
  | PartnerCenterCredentialError;

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
  return `${cause.message}${inner}`;
}
