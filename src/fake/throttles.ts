import type { Clock } from './clock.js';

/** How long {@link CustomerThrottles.throttle} throttles a customer. */
export interface ThrottleSpec {
  /** Length of the window in seconds from now (fractions allowed; `Retry-After` is rounded up to whole seconds). */
  seconds: number;
}

/** A request the fake answered with 429 because its customer was throttled. */
export interface ThrottledRequest {
  method: string;
  customerId: string;
  cartId: string;
  /** The MS-RequestId the client sent, or the one the fake generated. */
  requestId: string;
  /** When the fake saw it, by the fake's clock (ISO 8601). */
  at: string;
  /** The Retry-After the fake answered with, in seconds. */
  retryAfterSeconds: number;
}

/** Recorded throttled requests kept per customer; older ones are dropped so a long test cannot grow memory. */
const MAX_RECORDED_PER_CUSTOMER = 1000;

/**
 * Per-customer throttling windows, the way Partner Center throttles per partner and customer pair: while a
 * customer's window is open every request for that customer answers 429 with `Retry-After`, and requests
 * for other customers are served as usual.
 */
export class CustomerThrottles {
  private readonly until = new Map<string, number>();
  private readonly recorded = new Map<string, ThrottledRequest[]>();

  constructor(private readonly clock: Clock) {}

  /** Opens (or replaces) the customer's window; `seconds: 0` lifts it. */
  throttle(customerId: string, spec: ThrottleSpec): void {
    if (!Number.isFinite(spec.seconds) || spec.seconds < 0) {
      throw new Error(`throttle: seconds must be a finite number >= 0 (got ${spec.seconds}).`);
    }
    const key = customerId.toLowerCase();
    if (spec.seconds === 0) this.until.delete(key);
    else this.until.set(key, this.clock().getTime() + spec.seconds * 1000);
  }

  /** Lifts every window; recorded requests stay. */
  clear(): void {
    this.until.clear();
  }

  /**
   * The whole seconds a request for this customer must wait, or undefined when the customer is not throttled
   * now. A throttled request is recorded.
   */
  check(request: Omit<ThrottledRequest, 'at' | 'retryAfterSeconds'>): number | undefined {
    const key = request.customerId.toLowerCase();
    const until = this.until.get(key);
    const now = this.clock().getTime();
    if (until === undefined) return undefined;
    if (until <= now) {
      this.until.delete(key);
      return undefined;
    }
    const retryAfterSeconds = Math.ceil((until - now) / 1000);
    const list = this.recorded.get(key) ?? [];
    list.push({ ...request, at: new Date(now).toISOString(), retryAfterSeconds });
    if (list.length > MAX_RECORDED_PER_CUSTOMER) list.shift();
    this.recorded.set(key, list);
    return retryAfterSeconds;
  }

  /** The requests answered 429 for this customer (or for every customer), oldest first. */
  throttledRequests(customerId?: string): ThrottledRequest[] {
    const lists = customerId === undefined ? [...this.recorded.values()] : [this.recorded.get(customerId.toLowerCase()) ?? []];
    return lists
      .flat()
      .map((entry) => ({ ...entry }))
      .sort((a, b) => a.at.localeCompare(b.at));
  }
}
