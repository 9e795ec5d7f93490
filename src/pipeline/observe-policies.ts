import { callInfoOf, type EmitHook } from '../observability/hooks.js';
import {
  failSpan,
  loadTracing,
  type OtelSpan,
  recordResponse,
  type Scrub,
  SPAN_KIND_CLIENT,
  SPAN_KIND_INTERNAL,
  startHttpSpan,
  type Tracing,
} from '../observability/tracing.js';
import { errorCodeOf } from './error-code-of.js';
import type { CallState, Exchange, Policy, SendNext } from './pipeline.js';
import { responseNotes } from './response-notes.js';

/** How many attempts a call took and how long, for the response metadata; kept with the Response it ended with. */
export interface CallTiming {
  readonly attempts: number;
  readonly durationMs: number;
}

const TIMINGS = responseNotes<CallTiming>();

/** The attempts and time of the call that ended with `response`. */
export const callTimingOf = TIMINGS.of;

/** The call and attempt observers of one client, sharing its hooks and its tracer. */
export interface ObserverPolicies {
  readonly call: Policy;
  readonly attempt: Policy;
}

/**
 * `call` sits around each logical call, inside the call ids policy (it sees the ids that are sent): its time and
 * attempts for the response metadata, the call span, and the error hook for calls that fail without an answer.
 * `attempt` sits around each attempt, inside the throttling gates (an attempt is reported when it is really sent):
 * the request and response hooks and the attempt span (kind CLIENT, with the resend count).
 */
export function observerPolicies(emit: EmitHook | undefined, trace: boolean, scrub: Scrub): ObserverPolicies {
  let tracing: Tracing | undefined;
  // Until `@opentelemetry/api` has loaded (or failed to), the first calls wait for that one dynamic import.
  let loading: Promise<unknown> | undefined = trace
    ? loadTracing().then((loaded) => {
        tracing = loaded;
        loading = undefined;
      })
    : undefined;
  /** Each traced call's context, so that its attempt spans become its children. */
  const callContexts = new WeakMap<CallState, unknown>();

  const call: Policy = {
    name: 'callObserverPolicy',
    async send(exchange, next) {
      const started = performance.now();
      if (loading) await loading;
      let span = tracing && startHttpSpan(tracing, SPAN_KIND_INTERNAL, exchange);
      // A call span that records nothing (no provider registered, or not sampled) gets no attempt spans either: they
      // would record nothing too, and making them cost a few microseconds on every call.
      if (span && !span.isRecording()) {
        span.end();
        span = undefined;
      }
      if (span && tracing) callContexts.set(exchange.call, tracing.contextWith(span));
      try {
        const response = await next(exchange);
        TIMINGS.set(response, { attempts: exchange.call.attempts, durationMs: performance.now() - started });
        if (span) await endCallSpan(span, exchange, response, scrub);
        return response;
      } catch (error) {
        emit?.('error', { ...callInfoOf(exchange), error, attempts: exchange.call.attempts, durationMs: performance.now() - started });
        if (span) {
          span.setAttribute('partner_center.attempts', exchange.call.attempts);
          failSpan(span, error, scrub);
          span.end();
        }
        throw error;
      }
    },
  };

  const attempt: Policy = {
    name: 'attemptObserverPolicy',
    // Without hooks or a recording call span an attempt passes straight through, without an extra promise.
    send: (exchange, next) => (emit || callContexts.has(exchange.call) ? observeAttempt(exchange, next) : next(exchange)),
  };

  async function observeAttempt(exchange: Exchange, next: SendNext): Promise<Response> {
    const number = exchange.call.attempts;
    const info = emit && { ...callInfoOf(exchange), attempt: number };
    if (info) emit?.('request', info);
    const parent = callContexts.get(exchange.call);
    const span = tracing && parent !== undefined ? startHttpSpan(tracing, SPAN_KIND_CLIENT, exchange, parent) : undefined;
    if (span && number > 1) span.setAttribute('http.request.resend_count', number - 1);
    const sent = performance.now();
    try {
      const response = await next(exchange);
      if (info) emit?.('response', { ...info, status: response.status, headers: response.headers, durationMs: performance.now() - sent });
      if (span) recordResponse(span, response, scrub);
      return response;
    } catch (error) {
      if (span) failSpan(span, error, scrub);
      throw error;
    } finally {
      span?.end();
    }
  }

  return { call, attempt };
}

async function endCallSpan(span: OtelSpan, exchange: Exchange, response: Response, scrub: Scrub): Promise<void> {
  span.setAttribute('partner_center.attempts', exchange.call.attempts);
  recordResponse(span, response, scrub);
  const code = response.status >= 400 && span.isRecording() ? await errorCodeOf(response) : undefined;
  if (code !== undefined) span.setAttribute('partner_center.error_code', code);
  span.end();
}
