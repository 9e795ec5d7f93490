/** A failure the fake answers with instead of (or after) doing the work, e.g. throttling. */
export interface FaultSpec {
  /** HTTP status to answer with, e.g. 429, 503. */
  status: number;
  /** How many matching requests get this fault; default 1. */
  count?: number;
  /** Sent as the Retry-After header (seconds). */
  retryAfterSeconds?: number;
  /** Only requests with this method get the fault; default any method. */
  method?: 'GET' | 'PUT';
  /**
   * Apply the update first and then answer with the fault, like a gateway timing out after the service
   * committed. Only a client that reuses its MS-RequestId on retry avoids a second update then.
   */
  afterApplying?: boolean;
}

interface PendingFault {
  spec: FaultSpec;
  remaining: number;
}

/** Faults waiting for their requests, first in first out. */
export class FaultQueue {
  private pending: PendingFault[] = [];

  add(spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error(`injectFaults: count must be an integer >= 1 (got ${String(spec.count)}).`);
    if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) {
      throw new Error(`injectFaults: status must be an HTTP error status 400-599 (got ${spec.status}).`);
    }
    this.pending.push({ spec, remaining: count });
  }

  /** Takes the next fault for a request with `method`, if any is waiting. */
  take(method: string): FaultSpec | undefined {
    const next = this.pending.find((fault) => fault.spec.method === undefined || fault.spec.method === method);
    if (!next) return undefined;
    next.remaining--;
    if (next.remaining === 0) this.pending = this.pending.filter((fault) => fault !== next);
    return next.spec;
  }

  clear(): void {
    this.pending = [];
  }
}
