import { PartnerCenterTimeoutError } from '../errors/index.js';
import { MAX_TIMER_MS } from '../pipeline/retry-after.js';

/**
 * What bounds a whole `modifyCart`: its wait behind earlier ones on the same cart, its GET, the caller's mutator and
 * its PUT. Without it a mutator that never settles would hang the call, and every later `modifyCart` of the cart
 * queued behind it, past the caller's signal and every deadline.
 */
export interface FlowBound {
  /** Aborts at the caller's signal (with its reason) or when the overall deadline passes; undefined when neither is set. */
  readonly signal: AbortSignal | undefined;
  /** Attempts made so far, for the message of the timeout. */
  attempts: number;
  /** Disarms the deadline; call it once the flow has settled. */
  end(): void;
}

/**
 * Also one typed or raw call's own signal, with no deadline (`overallMs` undefined): the Request openapi-fetch builds
 * keeps a listener on the signal it is given until that Request is garbage-collected (undici's Request, so the
 * platform `fetch` entry's). Given the caller's long-lived signal, 10 000 calls left 5 000 listeners on it and Node
 * printed a MaxListenersExceededWarning for each past 1 500; given the call's own signal, the caller's holds one
 * listener per call in flight, removed by `end()`.
 */
export function flowBound(signal: AbortSignal | undefined, overallMs: number | undefined): FlowBound {
  if (overallMs === undefined && signal === undefined) return { signal, attempts: 0, end: () => undefined };
  const controller = new AbortController();
  const follow = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  const bound: FlowBound = {
    signal: controller.signal,
    attempts: 0,
    end: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', follow);
    },
  };
  const timer =
    overallMs === undefined
      ? undefined
      : setTimeout(
          () => controller.abort(new PartnerCenterTimeoutError('overall', overallMs, bound.attempts)),
          Math.min(overallMs, MAX_TIMER_MS),
        );
  return bound;
}
