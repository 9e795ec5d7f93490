import { PartnerCenterTimeoutError } from '../errors.js';
import type { Exchange, Policy, SendNext } from './pipeline.js';

/** Marks an abort caused by one of our deadlines, as opposed to the caller's own signal. */
class DeadlinePassed extends Error {
  constructor(readonly scope: 'attempt' | 'overall', readonly timeoutMs: number) {
    super(`${scope} deadline of ${timeoutMs} ms passed`);
  }
}

/**
 * Deadline for the whole logical call, retries and waits included. It sits outside the retry policy, so when it
 * passes the call ends with a `PartnerCenterTimeoutError` of scope `overall` and nothing is retried.
 */
export function overallTimeoutPolicy(timeoutMs: number): Policy {
  return { name: 'overallTimeoutPolicy', send: (exchange, next) => withDeadline('overall', timeoutMs, exchange, next) };
}

/**
 * Deadline for one attempt, up to the response headers (the body of a cart is small). It sits inside the retry
 * policy, which retries an attempt that timed out with the same request id.
 */
export function attemptTimeoutPolicy(timeoutMs: number): Policy {
  return { name: 'attemptTimeoutPolicy', send: (exchange, next) => withDeadline('attempt', timeoutMs, exchange, next) };
}

async function withDeadline(scope: 'attempt' | 'overall', timeoutMs: number, exchange: Exchange, next: SendNext): Promise<Response> {
  const parent = exchange.signal;
  if (parent.aborted) throw parent.reason;
  // One controller per deadline, following the caller's signal: cheaper than AbortSignal.timeout + AbortSignal.any.
  const controller = new AbortController();
  const followParent = (): void => controller.abort(parent.reason);
  parent.addEventListener('abort', followParent, { once: true });
  const timer = setTimeout(() => controller.abort(new DeadlinePassed(scope, timeoutMs)), timeoutMs);
  try {
    return await next({ ...exchange, signal: controller.signal });
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    if (reason instanceof DeadlinePassed && reason.scope === scope) throw new PartnerCenterTimeoutError(scope, timeoutMs, exchange.call.attempts);
    throw error;
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', followParent);
  }
}
