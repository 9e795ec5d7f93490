import type { PartnerCenterApiError } from '../errors/index.js';
import type { SecretRedactor } from '../errors/redact-secrets.js';
import { callInfoOf, type CartClientHooks, type EmitHook, hookEmitter, scrubbedEmitter } from '../observability/hooks.js';
import { type CartClientLogger, type LogLevel, loggerHooks } from '../observability/logger.js';
import { tokenRefreshPolicy, type Credential } from '../pipeline/bearer-token-policy.js';
import { callTimingOf, observerPolicies } from '../pipeline/observe-policies.js';
import type { Policy } from '../pipeline/pipeline.js';
import { definedOnly } from './call-settings.js';
import type { RetryListener } from '../pipeline/retry-policy.js';
import { DEFAULT_THROTTLING, type ThrottlePolicies, throttlePolicies, type ThrottlingOptions } from '../pipeline/throttle-policy.js';

/** The options of `createCartClient` that the policies here read. */
export interface SharedPolicyOptions {
  credential: Credential;
  throttling?: Partial<ThrottlingOptions> | false;
  hooks?: CartClientHooks;
  logger?: CartClientLogger;
  logLevel?: LogLevel;
  tracing?: boolean;
}

/**
 * The policies that hold state for the whole client (the throttling gates, the tracer) or need none per call. A call
 * with its own retry or timeout settings gets a pipeline of its own, built around these same instances, so that it
 * still shares the client's pauses and caps.
 */
export interface SharedPolicies {
  /** Calls the hooks (the caller's and the logger's); undefined when there are none. */
  readonly emit: EmitHook | undefined;
  readonly callObserver: Policy;
  readonly tokenRefresh: Policy | undefined;
  readonly throttle: ThrottlePolicies | undefined;
  readonly attemptObserver: Policy;
  readonly onRetry: RetryListener | undefined;
}

export function sharedPolicies(options: SharedPolicyOptions, redactor: SecretRedactor): SharedPolicies {
  const hooks = hookEmitter([options.hooks, options.logger && loggerHooks(options.logger, options.logLevel ?? 'info')]);
  const emit = hooks && scrubbedEmitter(hooks, redactor);
  // Span text is scrubbed like every error and hook event: a server may echo the token in MS-CV, a failure may quote it.
  const observers = observerPolicies(emit, options.tracing ?? true, (text) => redactor.scrub(text));
  const onRetry: RetryListener | undefined = emit && ((notice, exchange) => emit('retry', { ...callInfoOf(exchange), ...notice }));
  return {
    emit,
    callObserver: observers.call,
    // A fixed token cannot be refreshed: its 401 is final at once.
    tokenRefresh: typeof options.credential === 'string' ? undefined : tokenRefreshPolicy(onRetry),
    throttle: options.throttling === false ? undefined : throttlePolicies({ ...DEFAULT_THROTTLING, ...definedOnly(options.throttling) }),
    attemptObserver: observers.attempt,
    onRetry,
  };
}

/** Tells the error hook about a typed call's API error (the object the call rejects with), then returns it. */
export function reportApiError(
  emit: EmitHook | undefined,
  method: string,
  response: Response,
  error: PartnerCenterApiError,
): PartnerCenterApiError {
  if (!emit) return error;
  const timing = callTimingOf(response);
  emit('error', {
    method,
    url: response.url,
    requestId: error.requestId ?? '',
    correlationId: error.correlationId ?? '',
    error,
    attempts: timing?.attempts ?? 1,
    durationMs: timing?.durationMs ?? 0,
  });
  return error;
}
