import { PartnerCenterContractError, type ResponseContractDeviation } from '../errors/index.js';
import { sentIdsOf } from '../pipeline/call-ids-policy.js';
import { MAX_JSON_DEPTH, nestsTooDeep } from '../validation/json-depth.js';
import { type AnswerBody, findResponseDeviations, isJsonMediaType } from './check-response.js';

/*
 * `validateResponses`: the client's drift detector. It judges what openapi-fetch already parsed, so looking costs
 * one run of the generated validators and no second read of the body.
 */

/** `off`: never look; `report`: hand each deviation to `onResponseDeviation` and go on; `strict`: fail the call. */
export type ResponseValidationMode = 'off' | 'report' | 'strict';

/** One deviation of an answer, with the call it came from, as `report` mode hands it over. */
export interface ResponseDeviationReport extends ResponseContractDeviation {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The answer's MS-RequestId, else the one the call was sent with. */
  readonly requestId: string | undefined;
}

/** Receives deviations in `report` mode; by default they go to `console.warn`. */
export type ResponseDeviationHandler = (report: ResponseDeviationReport) => void;

/**
 * Judges one answer of a typed call; throws only in `strict` mode. `depthChecked`: the caller has already made sure
 * `parsed` nests no deeper than MAX_JSON_DEPTH (the success cart, which `cartFrom` refuses otherwise), so it is not
 * walked a second time.
 */
export type AnswerJudge = (response: Response, parsed: unknown, depthChecked?: boolean) => void;

function warn(report: ResponseDeviationReport): void {
  console.warn(
    `partner-center-cart-contract: answer ${report.status} (request id ${report.requestId ?? 'unknown'}) differs from the contract: ${report.message}`,
  );
}

/** What an answer nested deeper than MAX_JSON_DEPTH is judged as: a string where an object belongs. */
const TOO_DEEP = `(nested more than ${MAX_JSON_DEPTH} levels deep)`;

function bodyOf(parsed: unknown, contentType: string | null, depthChecked: boolean): AnswerBody {
  if (parsed === undefined || parsed === '') return { kind: 'none' };
  // openapi-fetch parses a success as JSON whatever its Content-Type, and hands back the text of an error body that
  // was not JSON.
  if (typeof parsed === 'string' || !isJsonMediaType(contentType ?? undefined)) return { kind: 'not-json' };
  // The generated validators recurse, and so does quoting a value: a body nested too deep is judged as one value.
  if (!depthChecked && nestsTooDeep(parsed)) return { kind: 'json', value: TOO_DEEP };
  return { kind: 'json', value: parsed };
}

/**
 * The judge for a mode; `off` gives one that does nothing. `scrub` cleans each report of secrets before the handler
 * (or the default warning) sees it: the values it quotes come from the answer, which may echo the token.
 */
export function answerJudge(
  mode: ResponseValidationMode,
  onDeviation: ResponseDeviationHandler = warn,
  scrub: (report: ResponseDeviationReport) => ResponseDeviationReport = (report) => report,
): AnswerJudge {
  if (mode === 'off') return () => {};
  return (response, parsed, depthChecked = false) => {
    const deviations = findResponseDeviations({
      status: response.status,
      header: (name) => response.headers.get(name) ?? undefined,
      body: bodyOf(parsed, response.headers.get('Content-Type'), depthChecked),
      headersComplete: true,
    });
    if (deviations.length === 0) return;
    const requestId = response.headers.get('MS-RequestId') ?? sentIdsOf(response)?.requestId;
    if (mode === 'strict') throw new PartnerCenterContractError(response.status, requestId, deviations);
    for (const deviation of deviations) {
      try {
        onDeviation(scrub({ ...deviation, status: response.status, requestId }));
      } catch {
        // A failing logger must not break the call: report mode promises that.
      }
    }
  };
}
