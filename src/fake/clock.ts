/** Where the fake reads the current time; inject one to move time in tests (e.g. past a cart's expiry). */
export type Clock = () => Date;

/** The real time. */
export const systemClock: Clock = () => new Date();

/** A clock that stands still until told to move. */
export interface ManualClock {
  now: Clock;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to `to`. */
  set(to: Date | string): void;
}

/**
 * Creates a clock for tests that only moves when asked.
 *
 * @example
 * ```ts
 * const clock = createManualClock('2024-05-01T00:00:00Z');
 * const fake = await startFakeCartService({ clock: clock.now });
 * clock.advance(7 * 24 * 60 * 60 * 1000); // every cart created at the start has now expired
 * ```
 */
export function createManualClock(start: Date | string = new Date()): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(to) {
      current = new Date(to).getTime();
    },
  };
}
