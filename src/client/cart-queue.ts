import { raceSignal } from '../pipeline/race-signal.js';

/**
 * Runs read-modify-write flows one after another per cart, within one client: the second `modifyCart` on a cart
 * reads only after the first one's write has answered, so two calls in one process never lose each other's change.
 * It cannot protect against another process or client writing in between: Partner Center documents no ETag or
 * If-Match on carts, so there is nothing to make the PUT conditional on.
 */
export class CartQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  /**
   * Runs `work` after every earlier work queued for `key` has settled, and resolves as it does. When `signal` aborts
   * first, the call leaves the queue with the signal's reason and `work` never runs; the works queued after it
   * still wait for every one before it.
   */
  run<T>(key: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const turn = signal ? raceSignal(previous, signal) : previous;
    const result = turn.then(() => work());
    // The next one in line waits for this one and, if this one left early, for the one it was waiting for.
    const tail = Promise.all([previous, result.catch(() => undefined)]);
    this.#tails.set(key, tail);
    // The last one out removes the entry, so the map holds only carts with work in flight.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
