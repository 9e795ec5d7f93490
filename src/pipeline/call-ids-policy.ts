import { validateCorrelationId, validateRequestId } from '../../generated/validators.js';
import { CartValidationError, type CartViolation } from '../errors/index.js';
import type { Policy } from './pipeline.js';
import { responseNotes } from './response-notes.js';

export const callIdsPolicyName = 'callIdsPolicy';
export const REQUEST_ID_HEADER = 'MS-RequestId';
export const CORRELATION_ID_HEADER = 'MS-CorrelationId';

export interface CallIdsOptions {
  /** The client's `MS-CorrelationId`, sent on every call that did not bring its own. */
  readonly correlationId: string;
  /** Refuse ids that are not GUIDs before anything is sent. */
  readonly validate: boolean;
}

/**
 * The one place that decides a call's `MS-RequestId` and `MS-CorrelationId`, for typed and `client.raw` calls alike:
 * the caller's own ids win, a fresh GUID fills a missing request id, the client's correlation id a missing one. It
 * runs outside the retry policy, so every retry of the call carries the same request id: Partner Center uses it as
 * the idempotency key.
 */
export function callIdsPolicy(options: CallIdsOptions): Policy {
  return {
    name: callIdsPolicyName,
    send(exchange, next) {
      const { headers } = exchange;
      if (!headers.has(REQUEST_ID_HEADER)) headers.set(REQUEST_ID_HEADER, crypto.randomUUID());
      if (!headers.has(CORRELATION_ID_HEADER)) headers.set(CORRELATION_ID_HEADER, options.correlationId);
      if (options.validate) {
        const violations = [
          ...guidViolation('requestId', headers.get(REQUEST_ID_HEADER), validateRequestId),
          ...guidViolation('correlationId', headers.get(CORRELATION_ID_HEADER), validateCorrelationId),
        ];
        if (violations.length > 0) return Promise.reject(new CartValidationError(violations));
      }
      const sent: SentIds = { requestId: headers.get(REQUEST_ID_HEADER) ?? '', correlationId: headers.get(CORRELATION_ID_HEADER) ?? '' };
      return next(exchange).then((response) => {
        SENT_IDS.set(response, sent);
        return response;
      });
    },
  };
}

/** The ids a call was sent with. */
export interface SentIds {
  readonly requestId: string;
  readonly correlationId: string;
}

const SENT_IDS = responseNotes<SentIds>();

/** The ids the call that got `response` was sent with, when it went through this policy. */
export const sentIdsOf = SENT_IDS.of;

function guidViolation(path: string, value: string | null, isGuid: (value: unknown) => boolean): CartViolation[] {
  return isGuid(value) ? [] : [{ path, rule: 'format', message: `${path} must be a GUID (got ${JSON.stringify(value)})`, value }];
}
