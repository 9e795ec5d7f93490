import { PartnerCenterApiError } from '../errors/index.js';
import type { SecretRedactor } from '../errors/redact-secrets.js';
import { sentIdsOf } from '../pipeline/call-ids-policy.js';
import { parseRetryAfter } from '../pipeline/retry-after.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The API error for an answer that brought no cart. `body` is what openapi-fetch parsed: the error object, the raw
 * text when it was not JSON, or undefined when the body was empty. The ids come from the answer's headers, else from
 * what the call ids policy sent. Fields of the wrong type are dropped, not trusted, and server text is scrubbed of
 * tokens (a 401 may echo the one it refused).
 */
export function apiErrorFrom(response: Response, body: unknown, redactor: SecretRedactor): PartnerCenterApiError {
  const sent = sentIdsOf(response);
  const fault = isRecord(body) ? body : undefined;
  const code = fault?.code;
  return new PartnerCenterApiError({
    status: response.status,
    statusText: response.statusText,
    code: typeof code === 'number' || typeof code === 'string' ? code : undefined,
    description: typeof fault?.description === 'string' ? redactor.scrub(fault.description) : undefined,
    data: Array.isArray(fault?.data) ? redactor.scrubData(fault.data) : undefined,
    source: typeof fault?.source === 'string' ? redactor.scrub(fault.source) : undefined,
    requestId: response.headers.get('MS-RequestId') ?? sent?.requestId,
    correlationId: response.headers.get('MS-CorrelationId') ?? sent?.correlationId,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    rawBody:
      fault || body === undefined || body === '' ? undefined : redactor.scrub(typeof body === 'string' ? body : JSON.stringify(body)),
  });
}
