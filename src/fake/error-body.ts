import type { PartnerCenterErrorBody as ContractErrorBody } from '../types.js';

/**
 * The Partner Center error body (the SDK's ApiFault) as the fake sends it: the contract's type, with every field
 * the fake always fills made required.
 */
export type PartnerCenterErrorBody = Required<Pick<ContractErrorBody, 'description' | 'data' | 'source'>> & { code: number };

/** Partner Center error codes the fake uses (reference: the Partner Center error-codes page). */
export const ErrorCode = {
  /** 401: the partner token is missing or not accepted. */
  tokenMissing: 800001,
  /** 400: the request input is invalid. */
  invalidInput: 800002,
  /** 500: an unexpected error. */
  unexpectedError: 800003,
  /** 404: the cart could not be found or loaded. */
  cartNotFound: 800008,
  /** 409: another request is already working on this cart. */
  cartBusy: 800064,
  /** 400: the cart was already checked out. */
  cartAlreadyCheckedOut: 800065,
  /** 404: no such resource (an URL outside the cart API). */
  notFound: 1000,
} as const;

export function errorBody(code: number, description: string): PartnerCenterErrorBody {
  return { code, description, data: [], source: 'PartnerFD' };
}
