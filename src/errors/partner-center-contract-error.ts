import { CartClientError } from './cart-client-error.js';
import type { CartViolation } from './cart-validation-error.js';

/**
 * One way an answer of Partner Center differs from the contract: like a request's violation, with the part of the
 * answer it is in (`path` is the header's name for a header, the JSON path for the body).
 */
export interface ResponseContractDeviation extends CartViolation {
  readonly part: 'header' | 'body';
}

/**
 * With `validateResponses: 'strict'`, Partner Center answered in a way the contract does not describe. The service
 * may have changed (or the contract is wrong): `deviations` says where, `requestId` is the call to quote in a support
 * case or an issue against this package.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (error instanceof PartnerCenterContractError) console.error(error.status, error.requestId, error.deviations);
 * }
 * ```
 */
export class PartnerCenterContractError extends CartClientError {
  override readonly kind = 'contract' as const;
  override readonly name = 'PartnerCenterContractError';
  readonly status: number;
  readonly requestId: string | undefined;
  readonly deviations: readonly ResponseContractDeviation[];

  constructor(status: number, requestId: string | undefined, deviations: readonly ResponseContractDeviation[]) {
    super(
      `Partner Center's ${status} answer (request id ${requestId ?? 'unknown'}) differs from the contract: ${deviations
        .map((deviation) => deviation.message)
        .join('; ')}. Report it with the request id; use validateResponses: 'report' to log such answers instead of failing`,
    );
    this.status = status;
    this.requestId = requestId;
    this.deviations = deviations;
  }
}
