/*
 * OpenTelemetry without depending on it. `@opentelemetry/api` is an optional peer dependency: it is imported
 * dynamically, through a specifier bundlers do not follow, once per process and only by a client that may trace.
 * When it is missing nothing else happens. The few members used are typed here by hand so that the package's
 * declarations never name the package either.
 */

import type { Exchange } from '../pipeline/pipeline.js';

export interface OtelSpan {
  setAttribute(key: string, value: string | number): unknown;
  setAttributes(attributes: SpanAttributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  isRecording(): boolean;
  end(): void;
}

type SpanAttributes = Record<string, string | number | undefined>;

interface OtelTracer {
  startSpan(name: string, options: { kind: number }, context?: unknown): OtelSpan;
}

interface OtelApi {
  trace: { getTracer(name: string): OtelTracer; setSpan(context: unknown, span: OtelSpan): unknown };
  context: { active(): unknown };
}

/** SpanKind and SpanStatusCode values of the OpenTelemetry API (stable since 1.0). */
export const SPAN_KIND_INTERNAL = 0;
export const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;

/** The tracer of the globally registered provider, with what the client needs of the API. */
export interface Tracing {
  readonly tracer: OtelTracer;
  /** The context that makes `span` the parent of spans started in it. */
  contextWith(span: OtelSpan): unknown;
}

const OTEL_API = '@opentelemetry/api';
let loading: Promise<Tracing | undefined> | undefined;

function isOtelApi(value: unknown): value is OtelApi {
  const api = value as Partial<OtelApi> | undefined;
  return typeof api?.trace?.getTracer === 'function' && typeof api.context?.active === 'function';
}

/** Loads `@opentelemetry/api` once per process; undefined when it is not installed. */
export function loadTracing(): Promise<Tracing | undefined> {
  loading ??= import(/* @vite-ignore */ OTEL_API.toString()).then(
    (module: unknown) => {
      const api = (module as { default?: unknown }).default ?? module;
      if (!isOtelApi(api)) return undefined;
      // The proxy tracer follows whichever provider is registered, also one registered after this point.
      const tracer = api.trace.getTracer('partner-center-cart-contract');
      return { tracer, contextWith: (span: OtelSpan) => api.trace.setSpan(api.context.active(), span) };
    },
    () => undefined,
  );
  return loading;
}

/**
 * Scrubs tokens from text a span is about to hold. Spans are written inside the pipeline, before a failure is
 * scrubbed on its way out, and from answer headers a server may fill with the token it was sent.
 */
export type Scrub = (text: string) => string;

/**
 * Marks a span failed with the OpenTelemetry `error.type` convention: the status code of an error answer, or the
 * class of a thrown error (PartnerCenterTimeoutError, AbortError, ...). Its message is scrubbed first.
 */
export function failSpan(span: OtelSpan, failure: number | unknown, scrub: Scrub): void {
  const error = failure instanceof Error ? failure : undefined;
  span.setAttribute('error.type', typeof failure === 'number' ? String(failure) : (error?.name ?? '_OTHER'));
  span.setStatus({ code: STATUS_ERROR, message: error && scrub(error.message) });
}

const CART_TEMPLATE = '/v1/customers/{customer-id}/carts/{cart-id}';
const CART_URL = /^https?:\/\/[^/]+\/v1\/customers\/[^/]+\/carts\/[^/?#]+(?:[?#]|$)/;

/**
 * Starts a call or attempt span named and described by the HTTP client semantic conventions. The attributes are
 * worked out only for a span that records: with no provider registered every span is a no-op, and building them
 * would cost each call for nothing.
 */
export function startHttpSpan(tracing: Tracing, kind: number, { method, url, headers }: Exchange, parent?: unknown): OtelSpan {
  const template = CART_URL.test(url) ? CART_TEMPLATE : undefined;
  const span = tracing.tracer.startSpan(template ? `${method} ${template}` : method, { kind }, parent);
  if (span.isRecording()) {
    const parsed = new URL(url);
    span.setAttributes({
      'http.request.method': method,
      'url.full': url,
      'url.template': template,
      'server.address': parsed.hostname,
      'server.port': Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)),
      'partner_center.request_id': headers.get('MS-RequestId') ?? undefined,
      'partner_center.correlation_id': headers.get('MS-CorrelationId') ?? undefined,
    });
  }
  return span;
}

/** Records what the answer's headers say on a span, scrubbed (a server may echo the token in any header). */
export function recordResponse(span: OtelSpan, response: Response, scrub: Scrub): void {
  if (!span.isRecording()) return;
  span.setAttribute('http.response.status_code', response.status);
  const cv = response.headers.get('MS-CV');
  const serverId = response.headers.get('MS-ServerId');
  if (cv) span.setAttribute('partner_center.cv', scrub(cv));
  if (serverId) span.setAttribute('partner_center.server_id', scrub(serverId));
  if (response.status >= 400) failSpan(span, response.status, scrub);
}
