import { callInfoOf, type HookList } from '../observability/hooks.js';
import {
  errorTypeOf,
  failSpan,
  loadTracing,
  type OtelSpan,
  recordResponse,
  SPAN_KIND_CLIENT,
  SPAN_KIND_INTERNAL,
  startHttpSpan,
  type Tracing,
} from '../observability/tracing.js';
import { errorCodeOf } from './error-code-of.js';
import type { CallState, Exchange, Policy } from './pipeline.js';

/** How many attempts a call took and how long, for the response metadata; kept with the Response it ended with. */
export interface CallTiming {
  readonly attempts: number;
  readonly durationMs: number;
}

const TIMINGS = new WeakMap<Response, CallTiming>();

/** The attempts and time of the call that ended with `response`. */
export function callTimingOf(response: Response): CallTiming | undefined {
  return TIMINGS.get(response);
}

/** What the call and attempt policies of one client share. */
export class Observation {
  readonly hooks: HookList;
  #tracing: Tracing | undefined;
  #loading: Promise<unknown> | undefined;
  /** Each traced call's context, so that its attempt spans become its children. */
  readonly callContexts = new WeakMap<CallState, unknown>();

  constructor(hooks: HookList, trace: boolean) {
    this.hooks = hooks;
    if (trace) {
      this.#loading = loadTracing().then((tracing) => {
        this.#tracing = tracing;
        this.#loading = undefined;
      });
    }
  }

  /** Until `@opentelemetry/api` has loaded (or failed to), the promise of that; the first calls wait for it. */
  get loading(): Promise<unknown> | undefined {
    return this.#loading;
  }

  /** The tracer, when `@opentelemetry/api` is installed and tracing is on. */
  get tracing(): Tracing | undefined {
    return this.#tracing;
  }
}

/**
 * Around each logical call: its time and attempts for the response metadata, the call span, and the error hook for
 * calls that fail without an answer. It sits inside the call ids policy, so it sees the ids that are sent.
 */
export function callObserverPolicy(observation: Observation): Policy {
  return {
    name: 'callObserverPolicy',
    async send(exchange, next) {
      const started = performance.now();
      if (observation.loading) await observation.loading;
      const { tracing } = observation;
      const span = tracing ? startSpan(tracing, exchange, SPAN_KIND_INTERNAL) : undefined;
      if (span && tracing) observation.callContexts.set(exchange.call, tracing.contextWith(span));
      try {
        const response = await next(exchange);
        TIMINGS.set(response, { attempts: exchange.call.attempts, durationMs: performance.now() - started });
        if (span) await endCallSpan(span, exchange, response);
        return response;
      } catch (error) {
        observation.hooks.emit('error', {
          ...callInfoOf(exchange),
          error,
          attempts: exchange.call.attempts,
          durationMs: performance.now() - started,
        });
        if (span) {
          span.setAttribute('partner_center.attempts', exchange.call.attempts);
          failSpan(span, errorTypeOf(error), error instanceof Error ? error.message : undefined);
          span.end();
        }
        throw error;
      }
    },
  };
}

async function endCallSpan(span: OtelSpan, exchange: Exchange, response: Response): Promise<void> {
  span.setAttribute('partner_center.attempts', exchange.call.attempts);
  recordResponse(span, response);
  const code = response.status >= 400 && span.isRecording() ? await errorCodeOf(response) : undefined;
  if (code !== undefined) span.setAttribute('partner_center.error_code', code);
  span.end();
}

function startSpan(tracing: Tracing, exchange: Exchange, kind: number, parent?: unknown): OtelSpan {
  return startHttpSpan(tracing, kind, exchange.method, exchange.url, exchange.headers, parent);
}

/**
 * Around each attempt: the request and response hooks and the attempt span (kind CLIENT, with the resend count). It
 * sits inside the throttling gates, so an attempt is reported when it is really sent.
 */
export function attemptObserverPolicy(observation: Observation): Policy {
  return {
    name: 'attemptObserverPolicy',
    async send(exchange, next) {
      const { hooks } = observation;
      const { tracing } = observation;
      if (hooks.empty && tracing === undefined) return next(exchange);
      const attempt = exchange.call.attempts;
      const info = hooks.empty ? undefined : { ...callInfoOf(exchange), attempt };
      if (info) hooks.emit('request', info);
      const span = tracing ? startSpan(tracing, exchange, SPAN_KIND_CLIENT, observation.callContexts.get(exchange.call)) : undefined;
      if (span && attempt > 1) span.setAttribute('http.request.resend_count', attempt - 1);
      const sent = performance.now();
      try {
        const response = await next(exchange);
        if (info)
          hooks.emit('response', { ...info, status: response.status, headers: response.headers, durationMs: performance.now() - sent });
        if (span) recordResponse(span, response);
        return response;
      } catch (error) {
        if (span) failSpan(span, errorTypeOf(error), error instanceof Error ? error.message : undefined);
        throw error;
      } finally {
        span?.end();
      }
    },
  };
}
