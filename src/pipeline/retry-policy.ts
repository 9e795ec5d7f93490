import { CartClientError, PartnerCenterNetworkError, PartnerCenterTimeoutError } from '../errors/index.js';
import { NEVER_ABORTS } from '../transport/never-aborts.js';
import { cannotSucceedOnRetry } from './error-code-of.js';
import type { Exchange, Policy } from './pipeline.js';
import { MAX_TIMER_MS, parseRetryAfter } from './retry-after.js';
import { waitWithinDeadline } from './timeout-policy.js';

/**
 * What is never tried again: a client error other than an attempt timeout (a bad token, a refused destination, an
 * answer the client cannot use, the call's own deadline). Anything else thrown below is a network failure.
 */
function isFinal(error: unknown): boolean {
  if (!(error instanceof CartClientError)) return false;
  return !(error instanceof PartnerCenterTimeoutError && error.scope === 'attempt');
}

/** When and how often a call is tried again. Defaults follow Azure's SDKs: 3 retries, honour `Retry-After`. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. Default 3. */
  maxRetries: number;
  /** The first backoff; each retry doubles it. Default 1000 ms. */
  baseDelayMs: number;
  /** The longest backoff between two attempts (a `Retry-After` may ask for longer). Default 30 000 ms. */
  maxDelayMs: number;
  /** No retry starts, and no wait begins, that would end later than this after the call started. Default 60 000 ms. */
  maxElapsedMs: number;
  /** Statuses worth another attempt. Default 408, 429, 500, 502, 503, 504. */
  retryOn: readonly number[];
}

export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxElapsedMs: 60_000,
  retryOn: Object.freeze([408, 429, 500, 502, 503, 504]),
});

/** Time and chance, replaceable in tests so that they neither sleep nor depend on luck. */
export interface RetryClock {
  now(): number;
  random(): number;
  wait(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemRetryClock: RetryClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  wait: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const listens = signal !== NEVER_ABORTS;
      // Listening first: if the signal is not one (a JavaScript caller's mistake), this throws before any timer exists.
      if (listens) signal.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(
        () => {
          if (listens) signal.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.min(ms, MAX_TIMER_MS),
      );
    }),
};

/**
 * Exponential backoff with "equal jitter": the n-th retry (0-based) waits between half and all of
 * min(maxDelayMs, baseDelayMs * 2^n), so clients that failed together do not retry together.
 */
export function backoffDelay(retry: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random: number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** Why an attempt is followed by another: a retryable status, a failed connection, a timed-out attempt, or a 401. */
export type RetryReason = 'status' | 'network' | 'timeout' | 'unauthorized';

/** What the retry hook hears before the wait that precedes another attempt. */
export interface RetryNotice {
  readonly reason: RetryReason;
  /** The attempt that failed (1 for the first). */
  readonly attempt: number;
  /** Milliseconds waited before the next attempt. */
  readonly waitMs: number;
  /** The status that made the attempt fail, for reasons `status` and `unauthorized`. */
  readonly status?: number;
  /** The failure, for reasons `network` and `timeout`. */
  readonly error?: unknown;
}

export type RetryListener = (notice: RetryNotice, exchange: Exchange) => void;

/**
 * Tries a call again on a retryable status, a network failure or an attempt timeout, waiting `Retry-After` when the
 * service sends it and an exponential backoff otherwise. It stays inside the request-id policy, so every attempt of a
 * call carries the same `MS-RequestId`. It is also where a failure to get an answer becomes a
 * `PartnerCenterNetworkError` that counts the attempts made.
 */
export function retryPolicy(options: RetryOptions, clock: RetryClock = systemRetryClock, onRetry?: RetryListener): Policy {
  return {
    name: 'retryPolicy',
    async send(exchange, next) {
      const started = clock.now();
      for (let retry = 0; ; retry += 1) {
        // An aborted call starts no attempt, whatever the fetch underneath would do with a dead signal.
        if (exchange.signal.aborted) throw exchange.signal.reason;
        exchange.call.attempts += 1;
        const canRetry = retry < options.maxRetries;
        let delay: number;
        let notice: Omit<RetryNotice, 'waitMs'>;
        try {
          const response = await next(exchange);
          if (!canRetry || !options.retryOn.includes(response.status)) return response;
          // The catalogue generated from the spec knows codes that fail the same way however often they are sent.
          if (await cannotSucceedOnRetry(response)) return response;
          notice = { reason: 'status', attempt: exchange.call.attempts, status: response.status };
          delay = parseRetryAfter(response.headers.get('Retry-After'), clock.now()) ?? backoffDelay(retry, options, clock.random());
          if (clock.now() - started + delay > options.maxElapsedMs) return response;
          // Not awaited: if the injected fetch kept a clone of this response (logging, recording), cancelling one
          // branch of the tee completes only once the other is cancelled too, so awaiting would hang the retry.
          void response.body?.cancel().catch(() => undefined);
        } catch (error) {
          if (exchange.signal.aborted || isFinal(error)) throw error;
          const failure = error instanceof PartnerCenterTimeoutError ? error : new PartnerCenterNetworkError(exchange.call.attempts, error);
          delay = backoffDelay(retry, options, clock.random());
          if (!canRetry || clock.now() - started + delay > options.maxElapsedMs) throw failure;
          notice = {
            reason: failure instanceof PartnerCenterTimeoutError ? 'timeout' : 'network',
            attempt: exchange.call.attempts,
            error: failure,
          };
        }
        onRetry?.({ ...notice, waitMs: delay }, exchange);
        await waitWithinDeadline(exchange.call, delay, exchange.signal, clock.wait);
      }
    },
  };
}
