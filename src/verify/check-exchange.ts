import {
  validateCartId,
  validateCorrelationId,
  validateCustomerId,
  validateLocale,
  validateRequestId,
} from '../../generated/validators.js';
import { answerBodyOf, findResponseDeviations, isJsonMediaType } from '../drift/check-response.js';
import { type ContractOperation, declaredStatus, matchOperation } from './contract.js';
import { describeValue, type ExchangeVerdict, type Finding } from './finding.js';
import { serviceAcceptanceViolations } from './service-acceptance.js';
import type { RecordedExchange, TrafficKind } from './traffic.js';

/*
 * The judgement of one exchange. Requests are judged by what Partner Center accepts (issue 10's service rules),
 * responses by the contract. A Pact file lists only the headers the consumer cares about, so what is missing from
 * one is a warning, where the same gap in recorded wire traffic is an error.
 */

type Check = (value: unknown) => boolean;

const PATH_PARAMETERS: Readonly<Record<string, Check>> = { 'customer-id': validateCustomerId, 'cart-id': validateCartId };

const REQUEST_HEADERS: ReadonlyArray<readonly [string, Check, string]> = [
  ['MS-RequestId', validateRequestId, 'a GUID'],
  ['MS-CorrelationId', validateCorrelationId, 'a GUID'],
  ['X-Locale', validateLocale, 'a culture name such as en-US'],
];

type Draft = Omit<Finding, 'index' | 'severity'> & { severity?: Finding['severity'] };

function requestFindings(
  exchange: RecordedExchange,
  kind: TrafficKind,
  parameters: Map<string, string>,
  add: (draft: Draft) => void,
): void {
  for (const [name, value] of parameters) {
    const check = PATH_PARAMETERS[name];
    if (check && !check(value)) {
      add({
        where: 'request',
        part: 'path',
        path: name,
        rule: 'format',
        message: `path parameter ${name} must be a GUID (got ${describeValue(value)})`,
        value: describeValue(value),
      });
    }
  }
  const headers = exchange.requestHeaders;
  for (const [name, check, form] of REQUEST_HEADERS) {
    const value = headers.get(name.toLowerCase());
    if (value !== undefined && !check(value)) {
      add({
        where: 'request',
        part: 'header',
        path: name,
        rule: 'format',
        message: `${name} must be ${form} (got ${describeValue(value)})`,
        value: describeValue(value),
      });
    }
  }
  // Pact request headers are what the consumer's test declared, not necessarily all it sends.
  const missingSeverity = kind === 'har' ? 'error' : 'warning';
  if (!headers.has('ms-requestid')) {
    add({
      where: 'request',
      part: 'header',
      path: 'MS-RequestId',
      rule: 'missing-request-id',
      message:
        'MS-RequestId is missing; send a fresh GUID per logical call (the same one on its retries) so calls can be traced and retried idempotently',
      value: 'nothing',
      severity: missingSeverity,
    });
  }
  const authorization = headers.get('authorization');
  if (authorization === undefined && exchange.status !== 401) {
    // A warning even in a HAR: sanitized browser exports and Pact files leave the header out on purpose.
    add({
      where: 'request',
      part: 'header',
      path: 'Authorization',
      rule: 'security',
      message: 'Authorization is missing; every call needs Authorization: Bearer <token>',
      value: 'nothing',
      severity: 'warning',
    });
  } else if (authorization !== undefined && !/^bearer\s+\S/i.test(authorization) && !/redacted/i.test(authorization)) {
    // The value is a credential: say what is wrong with it, never what it is.
    add({
      where: 'request',
      part: 'header',
      path: 'Authorization',
      rule: 'security',
      message: 'Authorization must use the Bearer scheme: Authorization: Bearer <token>',
      value: '[redacted]',
    });
  }
  if (exchange.method === 'PUT') requestBodyFindings(exchange, add);
}

function requestBodyFindings(exchange: RecordedExchange, add: (draft: Draft) => void): void {
  const { requestBody } = exchange;
  if (!requestBody.present || requestBody.text.trim() === '') {
    add({
      where: 'request',
      part: 'body',
      path: '',
      rule: 'required',
      message: 'the PUT has no body; send the whole cart as JSON',
      value: 'nothing',
    });
    return;
  }
  const contentType = exchange.requestHeaders.get('content-type');
  if (contentType !== undefined && !isJsonMediaType(contentType)) {
    add({
      where: 'request',
      part: 'header',
      path: 'Content-Type',
      rule: 'content-type',
      message: `Content-Type must be application/json (got ${describeValue(contentType)})`,
      value: describeValue(contentType),
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(requestBody.text);
  } catch {
    add({
      where: 'request',
      part: 'body',
      path: '',
      rule: 'json',
      message: 'the body is not JSON; send the cart as application/json',
      value: describeValue(requestBody.text.slice(0, 40)),
    });
    return;
  }
  for (const violation of serviceAcceptanceViolations(body)) {
    add({
      where: 'request',
      part: 'body',
      path: violation.path,
      rule: violation.rule,
      message: violation.message,
      value: describeValue(violation.value),
    });
  }
}

function responseFindings(
  exchange: RecordedExchange,
  kind: TrafficKind,
  operation: ContractOperation,
  add: (draft: Draft) => void,
): string | undefined {
  // Browsers record a request that got no answer (blocked, aborted, offline) with status 0: nothing to judge.
  if (exchange.status === 0) {
    add({
      where: 'response',
      part: 'status',
      path: '',
      rule: 'no-response',
      message: 'no answer was recorded for this request (status 0)',
      value: '0',
      severity: 'warning',
    });
    return undefined;
  }
  const declared = declaredStatus(operation, exchange.status);
  if (declared === undefined) {
    add({
      where: 'response',
      part: 'status',
      path: '',
      rule: 'undeclared-status',
      message: `status ${exchange.status} is not declared for ${operation.operationId} (declared: ${operation.statuses.join(', ')})`,
      value: String(exchange.status),
    });
    return undefined;
  }
  const headers = exchange.responseHeaders;
  const body = exchange.responseBody;
  const deviations = findResponseDeviations({
    status: exchange.status,
    header: (name) => headers.get(name.toLowerCase()),
    // A Pact body written as a JSON value is JSON even when the consumer's test declared no Content-Type.
    body: body.present
      ? answerBodyOf(body.text, headers.get('content-type') ?? (kind === 'pact' ? 'application/json' : undefined))
      : { kind: 'unknown' },
    headersComplete: kind === 'har',
  });
  for (const deviation of deviations) {
    add({
      where: 'response',
      part: deviation.part,
      path: deviation.path,
      rule: deviation.rule,
      message: deviation.message,
      value: describeValue(deviation.value),
    });
  }
  return declared;
}

function scenariosSeen(exchange: RecordedExchange, operation: ContractOperation, declared: string | undefined): string[] {
  if (declared === undefined) return [];
  const known = operation.scenarios.get(declared) ?? [];
  const hints = exchange.scenarioHints.map((hint) => hint.toLowerCase());
  return known.filter((name) => hints.some((hint) => hint === name.toLowerCase()));
}

/** Everything wrong with one exchange, and what of the contract it exercised. */
export function checkExchange(exchange: RecordedExchange, kind: TrafficKind, operations: readonly ContractOperation[]): ExchangeVerdict {
  const findings: Finding[] = [];
  const add = (draft: Draft): void => {
    findings.push({ ...draft, index: exchange.index, severity: draft.severity ?? 'error' });
  };
  const base = { index: exchange.index, method: exchange.method, path: exchange.path, status: exchange.status };
  const matched = matchOperation(operations, exchange.method, exchange.path);
  if (matched.operation === undefined) {
    const declared = [...new Set(operations.map((operation) => `${operation.method} ${operation.pathTemplate}`))].join(', ');
    add({
      where: 'request',
      part: 'operation',
      path: '',
      rule: 'undeclared-operation',
      message: `${exchange.method} ${exchange.path} is not an operation of the contract${matched.pathKnown ? ' (the path is, with other methods)' : ''}; it declares ${declared}`,
      value: describeValue(`${exchange.method} ${exchange.path}`),
    });
    return { ...base, operationId: undefined, pathTemplate: undefined, declaredStatus: undefined, scenarios: [], findings };
  }
  const { operation, parameters } = matched;
  requestFindings(exchange, kind, parameters, add);
  const declared = responseFindings(exchange, kind, operation, add);
  return {
    ...base,
    operationId: operation.operationId,
    pathTemplate: operation.pathTemplate,
    declaredStatus: declared,
    scenarios: scenariosSeen(exchange, operation, declared),
    findings,
  };
}
