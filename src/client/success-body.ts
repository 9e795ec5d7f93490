import { isJsonMediaType } from '../drift/check-response.js';
import { PartnerCenterResponseError, type ResponseProblem } from '../errors/index.js';
import { sentIdsOf } from '../pipeline/call-ids-policy.js';
import type { Cart } from '../types.js';
import { MAX_JSON_DEPTH, nestsTooDeep } from '../validation/json-depth.js';

/**
 * The cart in a success answer, or a `PartnerCenterResponseError` saying why there is none: the answer must be
 * `application/json` and a JSON object no deeper than MAX_JSON_DEPTH: checking, cloning (modifyCart) or quoting a
 * deeper one recurses and would overflow the stack. Its fields are not checked further (the contract is open for
 * extension).
 */
export function cartFrom(response: Response, text: string | undefined): Cart {
  if (!isJsonMediaType(response.headers.get('Content-Type') ?? undefined)) {
    throw unusable(response, 'content-type', 'the body is not application/json');
  }
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    throw unusable(response, 'malformed-json', 'the body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw unusable(response, 'not-an-object', 'the body is not a JSON object');
  if (nestsTooDeep(value))
    throw unusable(response, 'too-deep', `the body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`);
  return value as Cart;
}

/** The error, with the ids the call was sent with (the call ids policy always records them). */
function unusable(response: Response, problem: ResponseProblem, detail: string): PartnerCenterResponseError {
  const { requestId, correlationId } = sentIdsOf(response) ?? {};
  return new PartnerCenterResponseError({ problem, status: response.status, detail, requestId, correlationId });
}
