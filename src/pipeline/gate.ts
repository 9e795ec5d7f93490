/** One call waiting to pass a gate. */
interface Waiter {
  readonly admit: () => void;
}

const WINDOW_MS = 1000;

/**
 * A first-in-first-out gate in front of Partner Center: at most `maxConcurrent` attempts in flight, at most
 * `perSecond` started in any second, and none while paused. A waiter whose signal aborts leaves the queue at once.
 */
export class Gate {
  readonly #maxConcurrent: number;
  readonly #perSecond: number;
  #active = 0;
  /** When the attempts of the last second started, oldest first (kept only when `perSecond` is finite). */
  readonly #starts: number[] = [];
  readonly #queue: Waiter[] = [];
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(maxConcurrent = Number.POSITIVE_INFINITY, perSecond = Number.POSITIVE_INFINITY) {
    this.#maxConcurrent = maxConcurrent;
    this.#perSecond = perSecond;
  }

  /** Nothing in flight, nobody waiting, no pause and no recent start to count: the gate can be forgotten. */
  get idle(): boolean {
    const now = performance.now();
    return (
      this.#active === 0 && this.#queue.length === 0 && this.#pausedUntil <= now && this.#waitMs(now) === 0 && this.#starts.length === 0
    );
  }

  /** Lets the caller through at once when nobody waits and nothing holds it back; false when it must `enter`. */
  tryEnter(): boolean {
    if (this.#queue.length > 0 || this.#waitMs(performance.now()) !== 0) return false;
    this.#start();
    return true;
  }

  /** Queues the caller; settles when it may go, or rejects with the signal's reason when that aborts first. */
  enter(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = (): void => {
        this.#queue.splice(this.#queue.indexOf(waiter), 1);
        reject(signal.reason);
        this.#pump();
      };
      const waiter: Waiter = {
        admit: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** An attempt that entered has its answer (or failed): its place goes to the next waiter. */
  leave(): void {
    this.#active -= 1;
    this.#pump();
  }

  /** Lets nobody through until `until` (a `performance.now()` time); a shorter pause never shortens a longer one. */
  pauseUntil(until: number): void {
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#pump();
  }

  #start(): void {
    this.#active += 1;
    if (Number.isFinite(this.#perSecond)) this.#starts.push(performance.now());
  }

  /** How long the next caller must wait: 0 when it may go now, Infinity when it waits for a slot to free up. */
  #waitMs(now: number): number {
    if (this.#pausedUntil > now) return this.#pausedUntil - now;
    while (this.#starts.length > 0 && (this.#starts[0] as number) <= now - WINDOW_MS) this.#starts.shift();
    if (this.#starts.length >= this.#perSecond) return (this.#starts[0] as number) + WINDOW_MS - now;
    return this.#active >= this.#maxConcurrent ? Number.POSITIVE_INFINITY : 0;
  }

  /** Admits waiters in order while the gate allows, then sleeps until a pause or the rate window ends. */
  #pump(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (;;) {
      const head = this.#queue[0];
      const now = performance.now();
      const waitMs = this.#waitMs(now);
      if (head === undefined) return;
      if (waitMs > 0) {
        if (Number.isFinite(waitMs)) this.#sleep(waitMs);
        return;
      }
      this.#queue.shift();
      this.#start();
      head.admit();
    }
  }

  #sleep(ms: number): void {
    this.#timer = setTimeout(() => this.#pump(), Math.ceil(ms));
  }
}
