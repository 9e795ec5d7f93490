import { ERROR_CATALOGUE, type ErrorCodeInfo } from '../../generated/error-catalogue.js';

/** A Partner Center error code as a number: the docs type it as a string, the service sends a number. */
export function numericErrorCode(code: unknown): number | undefined {
  if (typeof code === 'number') return Number.isSafeInteger(code) ? code : undefined;
  return typeof code === 'string' && /^\s*\d{1,15}\s*$/.test(code) ? Number(code) : undefined;
}

/** What the catalogue generated from the spec says about `code` (a number or a string of digits), if it knows it. */
export function errorCodeInfo(code: unknown): ErrorCodeInfo | undefined {
  const numeric = numericErrorCode(code);
  return numeric === undefined ? undefined : ERROR_CATALOGUE.get(numeric);
}
