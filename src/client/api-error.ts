import { PartnerCenterApiError } from '../errors/index.js';
import { sentIdsOf } from '../pipeline/call-ids-policy.js';
import { parseRetryAfter } from '../pipeline/retry-after.js';
import { MAX_JSON_DEPTH, nestsTooDeep } from '../validation/json-depth.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The API error for an answer that brought no cart. `body` is what openapi-fetch parsed: the error object, the raw
 * text when it was not JSON, or undefined when the body was empty. The ids come from the answer's headers, else from
 * what the call ids policy sent. Fields of the wrong type are dropped, not trusted, and so is a body nested too deep
 * to copy or quote without overflowing the stack (it is kept only as a note in `rawBody`).
 */
export function apiErrorFrom(response: Response, parsed: unknown): PartnerCenterApiError {
  const sent = sentIdsOf(response);
  const body = nestsTooDeep(parsed) ? `(a JSON body nested more than ${MAX_JSON_DEPTH} levels deep)` : parsed;
  const fault = isRecord(body) ? body : undefined;
  const code = fault?.code;
  return new PartnerCenterApiError({
    status: response.status,
    statusText: response.statusText,
    code: typeof code === 'number' || typeof code === 'string' ? code : undefined,
    description: typeof fault?.description === 'string' ? fault.description : undefined,
    data: Array.isArray(fault?.data) ? fault.data : undefined,
    source: typeof fault?.source === 'string' ? fault.source : undefined,
    requestId: response.headers.get('MS-RequestId') ?? sent?.requestId,
    correlationId: response.headers.get('MS-CorrelationId') ?? sent?.correlationId,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    rawBody: fault || body === undefined || body === '' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}
