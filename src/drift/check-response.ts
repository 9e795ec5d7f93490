import {
  validateCart,
  validateCorrelationIdHeader,
  validatePartnerCenterError,
  validateRequestIdHeader,
  validateRetryAfterHeader,
  type GeneratedValidator,
} from '../../generated/validators.js';
import type { ResponseContractDeviation } from '../errors/index.js';
import { toViolations } from '../validation/violations.js';

/*
 * How a Partner Center answer is judged against the contract, by the validators generated from the spec: the body of
 * a success is a Cart, the body of a failure the error body, and the documented headers have their documented form.
 * It knows nothing of where the answer came from, so the client's drift reporting and the traffic verifier share it.
 */

/** One way an answer differs from the contract. */
export type ResponseDeviation = ResponseContractDeviation;

/** An answer's body as far as judging it goes. */
export type AnswerBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'not-json' }
  /** Not recorded (a HAR without the content, a Pact interaction that does not care): nothing to judge. */
  | { readonly kind: 'unknown' };

/** What is needed of an answer to judge it. */
export interface AnswerToJudge {
  readonly status: number;
  /** A header's value by name (any case), or undefined when the answer lacks it. */
  readonly header: (name: string) => string | undefined;
  /** The body: none, JSON (parsed), or something that is not JSON. */
  readonly body: AnswerBody;
  /**
   * Whether a missing `MS-RequestId` counts. True for what went over the wire; false for a Pact file, whose
   * response headers list only what the consumer relies on.
   */
  readonly headersComplete: boolean;
}

/** Headers whose form the contract fixes; the other documented ones (MS-CV, MS-ServerId, X-Locale) are free text. */
const HEADER_VALIDATORS: ReadonlyArray<readonly [string, GeneratedValidator<string>, string]> = [
  ['MS-RequestId', validateRequestIdHeader, 'a GUID'],
  ['MS-CorrelationId', validateCorrelationIdHeader, 'a GUID'],
  ['Retry-After', validateRetryAfterHeader, 'a number of seconds or an HTTP date'],
];

function headerDeviations(answer: AnswerToJudge): ResponseDeviation[] {
  const found: ResponseDeviation[] = [];
  for (const [name, validate, form] of HEADER_VALIDATORS) {
    const value = answer.header(name);
    if (value === undefined) continue;
    if (!validate(value)) {
      found.push({ part: 'header', path: name, rule: 'format', message: `${name} must be ${form} (got ${JSON.stringify(value)})`, value });
    }
  }
  // The header descriptions say the service echoes the request id, or sends the one it made up: it is always there.
  if (answer.headersComplete && answer.header('MS-RequestId') === undefined) {
    found.push({
      part: 'header',
      path: 'MS-RequestId',
      rule: 'always-sent',
      message: 'MS-RequestId is missing; Partner Center sends it on every answer (the echoed or a generated request id)',
      value: undefined,
    });
  }
  return found;
}

/** True for `application/json` and `application/*+json`, with or without parameters such as charset. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());
}

/** Reads a body from its text and Content-Type the way the contract's clients do. */
export function answerBodyOf(text: string, contentType: string | undefined): AnswerBody {
  if (text.trim() === '') return { kind: 'none' };
  if (!isJsonMediaType(contentType)) return { kind: 'not-json' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'not-json' };
  }
}

function bodyDeviations(answer: AnswerToJudge): ResponseDeviation[] {
  const success = answer.status >= 200 && answer.status < 300;
  const { body } = answer;
  if (body.kind === 'unknown') return [];
  // The error body schema says some failures (429s among them) come with an empty body; clients must cope.
  if (body.kind === 'none') {
    return success
      ? [{ part: 'body', path: '', rule: 'required', message: 'the body is empty; a success must carry the Cart', value: undefined }]
      : [];
  }
  if (body.kind === 'not-json') {
    const contentType = answer.header('Content-Type');
    return [
      {
        part: 'header',
        path: 'Content-Type',
        rule: 'content-type',
        message: `the body must be JSON sent as application/json (got Content-Type ${JSON.stringify(contentType ?? null)})`,
        value: contentType,
      },
    ];
  }
  const validate: GeneratedValidator<unknown> = success ? validateCart : validatePartnerCenterError;
  if (validate(body.value)) return [];
  const subject = success ? 'the cart' : 'the error body';
  return toViolations(validate.errors ?? [], body.value, subject).map((violation) => ({ part: 'body', ...violation }));
}

/** Every way `answer` differs from what the contract says Partner Center sends. */
export function findResponseDeviations(answer: AnswerToJudge): ResponseDeviation[] {
  return [...headerDeviations(answer), ...bodyDeviations(answer)];
}
