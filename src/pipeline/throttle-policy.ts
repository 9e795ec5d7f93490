import { PartnerCenterTimeoutError } from '../errors/index.js';
import { Gate } from './gate.js';
import type { Exchange, Policy, SendNext } from './pipeline.js';
import { MAX_TIMER_MS, parseRetryAfter } from './retry-after.js';

/**
 * How the client spreads its calls to suit Partner Center, which throttles per partner and per partner+customer
 * pair. Limits are per client instance; every number may be `Infinity` (the default for the caps).
 */
export interface ThrottlingOptions {
  /**
   * After a 429 with `Retry-After`, hold back every attempt of this client for the same customer (other customers go
   * on) until that time: calls already waiting and calls started later alike. Default `true`.
   */
  pauseOn429: boolean;
  /** The longest pause one `Retry-After` can impose. Default 60 000 ms. */
  maxPauseMs: number;
  /** Attempts in flight at once for one customer. Default unlimited. */
  maxConcurrentPerCustomer: number;
  /** Attempts started per second for one customer. Default unlimited. */
  maxPerSecondPerCustomer: number;
  /** Attempts in flight at once for the whole client. Default unlimited. */
  maxConcurrent: number;
  /** Attempts started per second for the whole client. Default unlimited. */
  maxPerSecond: number;
}

export const DEFAULT_THROTTLING: Readonly<ThrottlingOptions> = Object.freeze({
  pauseOn429: true,
  maxPauseMs: 60_000,
  maxConcurrentPerCustomer: Number.POSITIVE_INFINITY,
  maxPerSecondPerCustomer: Number.POSITIVE_INFINITY,
  maxConcurrent: Number.POSITIVE_INFINITY,
  maxPerSecond: Number.POSITIVE_INFINITY,
});

const CUSTOMER_IN_PATH = /\/customers\/([^/?#]+)/i;

/**
 * The customer a request is for (percent-decoded, as the service reads the path, and lower-cased: tenant ids are
 * GUIDs), or undefined for a URL naming none. Without the decoding, `%64` for `d` would be another customer to the
 * pause but the same one to Partner Center.
 */
export function customerOf(url: string): string | undefined {
  const raw = CUSTOMER_IN_PATH.exec(url)?.[1];
  if (raw === undefined || !raw.includes('%')) return raw?.toLowerCase();
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return raw.toLowerCase(); // broken encoding: the service refuses the path anyway
  }
}

/** Marks the abort of a queued attempt by the call's overall deadline. */
const DEADLINE = Symbol('deadline');

/** The two halves of throttling: the gates each attempt passes, and the pause a 429 sets on them. */
export interface ThrottlePolicies {
  /**
   * Waits at the client's gates before each attempt. It sits inside the retry policy (every attempt passes the
   * gates, a retry included) and outside the attempt deadline (time in the queue is not the service's slowness). A
   * queued attempt leaves the queue when the call's signal aborts or its overall deadline passes. With no caps and
   * no pause in force it costs one map lookup.
   */
  readonly gates: Policy;
  /**
   * Pauses the customer's gate on a 429 with `Retry-After`. It sits innermost but for the attempt deadline and the
   * token, so the pause is in force before any hook or outer policy hears of the 429.
   */
  readonly pauseOn429: Policy | undefined;
}

export function throttlePolicies(options: ThrottlingOptions): ThrottlePolicies {
  const perCustomerCapped = Number.isFinite(options.maxConcurrentPerCustomer) || Number.isFinite(options.maxPerSecondPerCustomer);
  const clientGate =
    Number.isFinite(options.maxConcurrent) || Number.isFinite(options.maxPerSecond)
      ? new Gate(options.maxConcurrent, options.maxPerSecond)
      : undefined;
  const customerGates = new Map<string, Gate>();

  // A gate left behind by a pause that ended or by starts still counted for the rate outlives its last call; sweeping
  // idle gates whenever the map has doubled keeps it near the number of customers recently called.
  let sweepAt = 64;

  function gateFor(customer: string): Gate {
    let gate = customerGates.get(customer);
    if (gate === undefined) {
      if (customerGates.size >= sweepAt) {
        for (const [key, idle] of customerGates) if (idle.idle) customerGates.delete(key);
        sweepAt = Math.max(64, customerGates.size * 2);
      }
      gate = new Gate(options.maxConcurrentPerCustomer, options.maxPerSecondPerCustomer);
      customerGates.set(customer, gate);
    }
    return gate;
  }

  async function gated(
    exchange: Exchange,
    next: SendNext,
    customer: string | undefined,
    customerGate: Gate | undefined,
  ): Promise<Response> {
    // Customer first, then client: an attempt held by its customer's pause takes no place from other customers.
    if (customerGate && !customerGate.tryEnter()) await pass(customerGate, exchange);
    try {
      if (clientGate && !clientGate.tryEnter()) await pass(clientGate, exchange);
      try {
        return await next(exchange);
      } finally {
        clientGate?.leave();
      }
    } finally {
      if (customerGate && customer !== undefined) {
        customerGate.leave();
        if (customerGate.idle) customerGates.delete(customer);
      }
    }
  }

  const gates: Policy = {
    name: 'throttleGatesPolicy',
    send(exchange, next) {
      // The usual case, no caps and no customer paused, passes straight through without an extra promise.
      if (!perCustomerCapped && customerGates.size === 0 && !clientGate) return next(exchange);
      const customer = customerOf(exchange.url);
      const customerGate = customer === undefined ? undefined : perCustomerCapped ? gateFor(customer) : customerGates.get(customer);
      return customerGate || clientGate ? gated(exchange, next, customer, customerGate) : next(exchange);
    },
  };

  const pauseOn429: Policy = {
    name: 'throttlePausePolicy',
    async send(exchange, next) {
      const response = await next(exchange);
      if (response.status !== 429) return response;
      const customer = customerOf(exchange.url);
      const waitMs = parseRetryAfter(response.headers.get('Retry-After'));
      if (customer !== undefined && waitMs !== undefined && waitMs > 0) {
        gateFor(customer).pauseUntil(performance.now() + Math.min(waitMs, options.maxPauseMs));
      }
      return response;
    },
  };

  return { gates, pauseOn429: options.pauseOn429 ? pauseOn429 : undefined };
}

/** Waits in `gate`'s queue, giving up when the call is aborted or its overall deadline passes while it waits. */
async function pass(gate: Gate, exchange: Exchange): Promise<void> {
  const deadline = exchange.call.deadline;
  if (deadline === undefined) return gate.enter(exchange.signal);
  const controller = new AbortController();
  const stop = (): void => controller.abort(exchange.signal.reason);
  exchange.signal.addEventListener('abort', stop, { once: true });
  // A deadline beyond what a timer holds (overallMs Infinity, or over 24.8 days) arms none: an overflowing timer
  // would fire after 1 ms and time the call out at once.
  const leftMs = deadline.remainingMs();
  const timer = leftMs <= MAX_TIMER_MS ? setTimeout(() => controller.abort(DEADLINE), Math.max(0, leftMs)) : undefined;
  try {
    await gate.enter(controller.signal);
  } catch (error) {
    if (controller.signal.reason !== DEADLINE) throw error;
    throw new PartnerCenterTimeoutError('overall', deadline.timeoutMs, exchange.call.attempts);
  } finally {
    clearTimeout(timer);
    exchange.signal.removeEventListener('abort', stop);
  }
}
