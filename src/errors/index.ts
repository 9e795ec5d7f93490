/*
 * The client's errors: one base class, one subclass per file, and a guard. `KnownCartClientError` is the union of
 * the concrete classes, so a `switch` on `kind` narrows to the class with that kind's fields.
 */
import { CartClientError } from './cart-client-error.js';
import type { CartValidationError } from './cart-validation-error.js';
import type { PartnerCenterApiError } from './partner-center-api-error.js';
import type { PartnerCenterContractError } from './partner-center-contract-error.js';
import type { PartnerCenterCredentialError } from './partner-center-credential-error.js';
import type { PartnerCenterNetworkError } from './partner-center-network-error.js';
import type { PartnerCenterResponseError } from './partner-center-response-error.js';
import type { PartnerCenterTimeoutError } from './partner-center-timeout-error.js';

export { CartClientError, type CartClientErrorKind } from './cart-client-error.js';
export { CartValidationError, type CartViolation } from './cart-validation-error.js';
export { PartnerCenterApiError, type PartnerCenterApiErrorDetails } from './partner-center-api-error.js';
export { PartnerCenterNetworkError } from './partner-center-network-error.js';
export { PartnerCenterTimeoutError } from './partner-center-timeout-error.js';
export { PartnerCenterCredentialError } from './partner-center-credential-error.js';
export { PartnerCenterContractError, type ResponseContractDeviation } from './partner-center-contract-error.js';
export {
  PartnerCenterResponseError,
  type PartnerCenterResponseErrorDetails,
  type ResponseProblem,
} from './partner-center-response-error.js';

/** Every concrete error a cart client call rejects with; narrow it with `kind`. */
export type KnownCartClientError =
  | CartValidationError
  | PartnerCenterApiError
  | PartnerCenterNetworkError
  | PartnerCenterTimeoutError
  | PartnerCenterCredentialError
  | PartnerCenterResponseError
  | PartnerCenterContractError;

const KINDS: ReadonlySet<unknown> = new Set(['validation', 'api', 'network', 'timeout', 'credential', 'response', 'contract']);

/**
 * True for every error a cart client call rejects with. It checks the class, and failing that the shape (an Error
 * with one of the six kinds), because a bundler or two installed copies of this package make `instanceof` miss.
 *
 * @example
 * ```ts
 * const cart = await client.getCart(customerId, cartId).catch((error: unknown) => {
 *   if (isCartClientError(error) && error.kind === 'timeout') return undefined;
 *   throw error;
 * });
 * ```
 */
export function isCartClientError(value: unknown): value is KnownCartClientError {
  if (value instanceof CartClientError) return true;
  return value instanceof Error && KINDS.has((value as { kind?: unknown }).kind);
}
