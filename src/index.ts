/*
 * The package root: the typed cart client, its errors, and the contract's types. Everything here is generated from
 * or checked against the OpenAPI contract in openapi/.
 */
export {
  createCartClient,
  DEFAULT_TIMEOUTS,
  type CartClient,
  type CartClientOptions,
  type CallOptions,
  type ModifyCallOptions,
  type CartMutator,
  type TimeoutOptions,
} from './client/create-cart-client.js';
export { DEFAULT_BASE_URL } from './client/base-url.js';
export { DEFAULT_RETRY, type RetryOptions, type RetryReason } from './pipeline/retry-policy.js';
export { DEFAULT_THROTTLING, type ThrottlingOptions } from './pipeline/throttle-policy.js';
export type { ResponseMetadata, WithResponse } from './client/call-metadata.js';
export type { CartClientHooks, CallInfo, RequestEvent, ResponseEvent, RetryEvent, ErrorEvent } from './observability/hooks.js';
export type { CartClientLogger, LogLevel } from './observability/logger.js';
export { ERROR_CATALOGUE, type ErrorCodeInfo } from '../generated/error-catalogue.js';
export { errorCodeInfo, numericErrorCode } from './errors/error-code.js';
export type { Credential, TokenProvider } from './pipeline/bearer-token-policy.js';
export type { FetchLike } from './transport/fetch-transport.js';
export {
  CartValidationError,
  PartnerCenterApiError,
  PartnerCenterNetworkError,
  PartnerCenterTimeoutError,
  PartnerCenterCredentialError,
  PartnerCenterContractError,
  PartnerCenterResponseError,
  CartClientError,
  isCartClientError,
  type CartClientErrorKind,
  type KnownCartClientError,
  type CartViolation,
  type PartnerCenterApiErrorDetails,
  type ResponseContractDeviation,
  type PartnerCenterResponseErrorDetails,
  type ResponseProblem,
} from './errors/index.js';
export { type CartUpdateCheckOptions, findCartUpdateViolations } from './validation/check-request.js';
export type { ResponseValidationMode, ResponseDeviationHandler, ResponseDeviationReport } from './drift/validate-responses.js';
export type {
  Cart,
  CartLineItem,
  CartUpdate,
  CartLineItemUpdate,
  Participant,
  ParticipantUpdate,
  BillingCycle,
  ParticipantType,
  CartError,
  PartnerCenterErrorBody,
  PartnerCenterError,
} from './types.js';
export type { paths, components, operations } from '../generated/schema.js';
