import { ERROR_CATALOGUE } from '../../generated/error-catalogue.js';
import { numericErrorCode } from '../errors/error-code.js';

const CODES = new WeakMap<Response, Promise<number | undefined>>();

/** Error bodies are small; a bigger one is not a Partner Center error object and is not worth reading twice. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * The Partner Center error code in an error response's JSON body, read from a clone so that the response is left for
 * the caller to read. Read once per response, however many policies ask.
 */
export function errorCodeOf(response: Response): Promise<number | undefined> {
  let code = CODES.get(response);
  if (code === undefined) {
    code = readErrorCode(response);
    CODES.set(response, code);
  }
  return code;
}

async function readErrorCode(response: Response): Promise<number | undefined> {
  const length = Number(response.headers.get('Content-Length') ?? 0);
  if (response.status < 400 || !response.headers.get('Content-Type')?.includes('json') || length > MAX_ERROR_BODY_BYTES) return undefined;
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null ? numericErrorCode((body as { code?: unknown }).code) : undefined;
  } catch {
    return undefined; // not JSON after all: no code
  }
}

/** True when the response carries an error code the catalogue says no retry can fix. */
export async function cannotSucceedOnRetry(response: Response): Promise<boolean> {
  const code = await errorCodeOf(response);
  return code !== undefined && ERROR_CATALOGUE.get(code)?.retryable === false;
}
