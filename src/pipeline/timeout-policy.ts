import { PartnerCenterTimeoutError } from '../errors/index.js';
import { NEVER_ABORTS } from '../transport/never-aborts.js';
import type { CallDeadline, CallState, Exchange, Policy, SendNext } from './pipeline.js';
import { MAX_TIMER_MS } from './retry-after.js';

/**
 * The abort reason of the attempt's timer, told apart from the caller's own reason by identity. One shared object:
 * it never leaves this module (the attempt then fails with a PartnerCenterTimeoutError).
 */
const DEADLINE_PASSED = new Error('attempt deadline');

/*
 * Why one timer per attempt and no timer per call: every AbortController costs several microseconds (Node makes its
 * signal transferable), and a call with its own controller and timer besides the attempt's paid for two of each.
 * The overall deadline is only written down here; each attempt arms one timer at whichever deadline comes first,
 * and the retry policy ends a wait that would outlast the call (see `waitWithinDeadline`).
 */

/**
 * Deadline for the whole logical call, retries and waits included. It sits outside the retry policy, so when it
 * passes the call ends with a `PartnerCenterTimeoutError` of scope `overall` and nothing is retried.
 */
export function overallTimeoutPolicy(timeoutMs: number): Policy {
  return {
    name: 'overallTimeoutPolicy',
    send(exchange, next) {
      const endsAt = performance.now() + timeoutMs;
      exchange.call.deadline = { timeoutMs, remainingMs: () => endsAt - performance.now() };
      return next(exchange);
    },
  };
}

/** The error a call ends with when its overall deadline passes. */
function overallTimeout(call: CallState, deadline: CallDeadline): PartnerCenterTimeoutError {
  return new PartnerCenterTimeoutError('overall', deadline.timeoutMs, call.attempts);
}

/**
 * Deadline for one attempt, body included (the transports read the body whole inside the attempt). It sits inside the retry
 * policy, which retries an attempt that timed out with the same request id. Its one timer also enforces the
 * call's overall deadline when that comes first.
 */
export function attemptTimeoutPolicy(timeoutMs: number): Policy {
  return { name: 'attemptTimeoutPolicy', send: (exchange, next) => withDeadline(timeoutMs, exchange, next) };
}

async function withDeadline(attemptMs: number, exchange: Exchange, next: SendNext): Promise<Response> {
  const parent = exchange.signal;
  if (parent.aborted) throw parent.reason;
  const overall = exchange.call.deadline;
  const overallLeftMs = overall ? overall.remainingMs() : Infinity;
  if (overall && overallLeftMs <= 0) throw overallTimeout(exchange.call, overall);
  const overallFirst = overallLeftMs < attemptMs;
  // One controller following the caller's signal: cheaper than AbortSignal.timeout + AbortSignal.any. The abort
  // reason is made only when the timer fires: an Error captures a stack, too dear to pay on every attempt.
  const controller = new AbortController();
  const followParent = (): void => controller.abort(parent.reason);
  const listens = parent !== NEVER_ABORTS;
  if (listens) parent.addEventListener('abort', followParent, { once: true });
  const timer = setTimeout(() => controller.abort(DEADLINE_PASSED), Math.min(overallFirst ? overallLeftMs : attemptMs, MAX_TIMER_MS));
  try {
    return await next({ ...exchange, signal: controller.signal });
  } catch (error) {
    if (controller.signal.reason !== DEADLINE_PASSED) throw error;
    throw overall && overallFirst
      ? overallTimeout(exchange.call, overall)
      : new PartnerCenterTimeoutError('attempt', attemptMs, exchange.call.attempts);
  } finally {
    clearTimeout(timer);
    if (listens) parent.removeEventListener('abort', followParent);
  }
}

/**
 * Waits `ms` between two attempts, unless the call's overall deadline comes first: then it waits until the deadline
 * and ends the call with an overall timeout, as an abort of the wait at that moment would.
 */
export async function waitWithinDeadline(
  call: CallState,
  ms: number,
  signal: AbortSignal,
  wait: (ms: number, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const overall = call.deadline;
  const overallLeftMs = overall ? overall.remainingMs() : Infinity;
  if (!overall || ms < overallLeftMs) return wait(ms, signal);
  await wait(Math.max(0, overallLeftMs), signal);
  throw overallTimeout(call, overall);
}
