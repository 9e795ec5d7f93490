import type { ErrorCodeInfo } from '../../generated/error-catalogue.js';
import { CartClientError } from './cart-client-error.js';
import { errorCodeInfo, numericErrorCode } from './error-code.js';

/** Everything a Partner Center error answer says, for `PartnerCenterApiError`. */
export interface PartnerCenterApiErrorDetails {
  status: number;
  statusText: string;
  code: number | string | undefined;
  description: string | undefined;
  data: unknown[] | undefined;
  source: string | undefined;
  requestId: string | undefined;
  correlationId: string | undefined;
  retryAfterMs: number | undefined;
  /** The body as received when it was not a Partner Center error object (empty, HTML, plain text). */
  rawBody: string | undefined;
}

const NEXT_STEP: Readonly<Record<number, string>> = {
  400: 'Fix the request before sending it again.',
  401: 'Get a new Partner Center access token and try again.',
  403: 'The caller may not act on this customer or cart; retrying will not help.',
  404: 'Check the customer and cart ids; carts expire seven days after creation.',
  409: 'Another request is working on this cart; try again once it has finished.',
  429: 'Partner Center is throttling this caller; wait before trying again.',
};

/** Longest server text quoted in a message; the whole text stays in `description` or `rawBody`. */
const MAX_QUOTED = 300;

function shorten(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}... (${text.length} characters, all in the error's fields)` : text;
}

function nextStep(status: number): string {
  return (
    NEXT_STEP[status] ??
    (status >= 300 && status < 400 ? 'The client follows no redirect (it would carry the token elsewhere): check baseUrl.' : undefined) ??
    (status >= 500 ? 'The service failed; try again later and quote the request id if it persists.' : 'See the status and code.')
  );
}

/**
 * Partner Center answered with an error status (after any retries). The fields mirror its error body; `requestId`
 * and `correlationId` are what to quote in a support case.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (error instanceof PartnerCenterApiError && error.status === 404) console.log('no such cart', error.code);
 * }
 * ```
 */
export class PartnerCenterApiError extends CartClientError implements PartnerCenterApiErrorDetails {
  override readonly kind = 'api' as const;
  override readonly name = 'PartnerCenterApiError';
  declare readonly status: number;
  declare readonly statusText: string;
  /** The code exactly as the body carried it. */
  declare readonly code: number | string | undefined;
  /** The code as a number (`800008`), also when the service sent it as a string; undefined when not numeric. */
  readonly errorCode: number | undefined;
  /** The catalogue entry of the code (generated from the spec): its name, meaning, whether a retry can help, what to do. */
  readonly codeInfo: ErrorCodeInfo | undefined;
  declare readonly description: string | undefined;
  declare readonly data: unknown[] | undefined;
  declare readonly source: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly correlationId: string | undefined;
  declare readonly retryAfterMs: number | undefined;
  declare readonly rawBody: string | undefined;

  constructor(details: PartnerCenterApiErrorDetails) {
    const said = details.description
      ? shorten(details.description)
      : details.rawBody
        ? `a non-JSON body: ${shorten(details.rawBody)}`
        : 'an empty body';
    const info = errorCodeInfo(details.code);
    const code = details.code === undefined ? '' : `, code ${details.code}${info ? ` (${info.name})` : ''}`;
    super(
      `Partner Center answered ${[details.status, details.statusText].filter(Boolean).join(' ')}${code}: ${said} ` +
        `(request id ${details.requestId ?? 'unknown'}, correlation id ${details.correlationId ?? 'unknown'}). ${nextStep(details.status)}`,
    );
    // Declared fields and one copy, not ten assignments: the browser bundle stays smaller.
    Object.assign(this, details);
    this.errorCode = numericErrorCode(details.code);
    this.codeInfo = info;
  }
}
