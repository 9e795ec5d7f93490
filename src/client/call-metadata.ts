import { sentIdsOf } from '../pipeline/call-ids-policy.js';
import { callTimingOf } from '../pipeline/observe-policies.js';

/** What happened on a call: what to quote in a support case, and what it cost. */
export interface ResponseMetadata {
  /** The final HTTP status. */
  readonly status: number;
  /** `MS-RequestId`: the answer's, else the one sent (the same on every attempt). */
  readonly requestId: string | undefined;
  /** `MS-CorrelationId`: the answer's, else the one sent. */
  readonly correlationId: string | undefined;
  /** `MS-CV`, the correlation vector Partner Center support asks for. */
  readonly cv: string | undefined;
  /** `MS-ServerId`, the server that answered. */
  readonly serverId: string | undefined;
  /** Attempts made, retries and a resend after a token refresh included. */
  readonly attempts: number;
  /** From the start of the call to the final response headers, waits included. */
  readonly durationMs: number;
  /** The final response's headers. */
  readonly headers: Headers;
}

/** A cart and what happened on the call that returned it. */
export interface WithResponse<T> {
  readonly cart: T;
  readonly response: ResponseMetadata;
}

export function responseMetadataOf(response: Response): ResponseMetadata {
  const sent = sentIdsOf(response);
  const timing = callTimingOf(response);
  const { headers } = response;
  return {
    status: response.status,
    requestId: headers.get('MS-RequestId') ?? sent?.requestId,
    correlationId: headers.get('MS-CorrelationId') ?? sent?.correlationId,
    cv: headers.get('MS-CV') ?? undefined,
    serverId: headers.get('MS-ServerId') ?? undefined,
    attempts: timing?.attempts ?? 1,
    durationMs: timing?.durationMs ?? 0,
    headers,
  };
}
