import { CartClientError } from './cart-client-error.js';

/** What was wrong with an answer the client could not use. */
export type ResponseProblem = 'malformed-json' | 'not-an-object' | 'content-type' | 'too-large' | 'too-deep' | 'redirect';

/** Everything `PartnerCenterResponseError` reports. */
export interface PartnerCenterResponseErrorDetails {
  problem: ResponseProblem;
  status: number;
  /** A sentence saying what was received, with no body text in it (part of the message). */
  detail: string;
  requestId: string | undefined;
  correlationId: string | undefined;
}

/**
 * An answer came back but is not one the contract allows for a success: a body that is not JSON, not a JSON
 * object, not `application/json`, larger than `maxResponseBytes`, nested deeper than 64 levels, or (in a browser, which hides where it points) a
 * redirect, which the client never follows. Never retried: a PUT may already have been applied.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (error instanceof PartnerCenterResponseError && error.problem === 'too-large') console.log(error.message);
 * }
 * ```
 */
export class PartnerCenterResponseError extends CartClientError {
  override readonly kind = 'response' as const;
  override readonly name = 'PartnerCenterResponseError';
  declare readonly problem: ResponseProblem;
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  declare readonly correlationId: string | undefined;

  constructor(details: PartnerCenterResponseErrorDetails) {
    super(
      `Partner Center's answer (HTTP ${details.status}) cannot be used: ${details.detail} ` +
        `(request id ${details.requestId ?? 'unknown'}, correlation id ${details.correlationId ?? 'unknown'}). ` +
        'A PUT may have been applied: read the cart before repeating it.',
    );
    const { detail, ...fields } = details;
    Object.assign(this, fields);
  }
}
