/** What must match for a repeated MS-RequestId to count as a retry of the same update. */
export interface RequestFingerprint {
  /** `customer-id/cart-id` of the URL, lower case. */
  cart: string;
  /** SHA-256 of the request body's bytes. */
  bodyHash: string;
  /** The user the caller's token stands for (a refreshed token of the same user still matches). */
  callerId: string;
}

/** How a request id stands in the cache; see {@link ReplayCache.claim}. */
export type ReplayClaim =
  | { kind: 'first' }
  | { kind: 'replay'; answer: string }
  | { kind: 'in-progress' }
  | { kind: 'mismatch'; differs: 'cart' | 'body' | 'caller' };

interface Entry {
  fingerprint: RequestFingerprint;
  /** The serialised successful answer; undefined while the first request is still being applied. */
  answer: string | undefined;
  bytes: number;
}

/** Map slot and object of one entry, counted on top of its answer, key and fingerprint. */
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * What an entry holds in memory. The key is whatever MS-RequestId the client sent (the fake does not insist on a
 * GUID, and a header may be kilobytes long), so it is counted like the answer: two bytes a character at most.
 */
function entryBytes(key: string, fingerprint: RequestFingerprint, answer = ''): number {
  return ENTRY_OVERHEAD_BYTES + 2 * (key.length + fingerprint.cart.length + fingerprint.callerId.length) + Buffer.byteLength(answer);
}

/**
 * Successful PUT answers by MS-RequestId, so a retry gets the first answer instead of a second update.
 * Bounded by the bytes it holds (answers as serialised JSON, request ids and fingerprints, plus a fixed overhead per
 * entry), not by count: a few large carts or long request ids cannot exhaust memory, and many small ones are all kept. When over budget the oldest
 * completed answers are forgotten first; an answer bigger than the whole budget is not kept at all.
 */
export class ReplayCache {
  private readonly entries = new Map<string, Entry>();
  private heldBytes = 0;

  constructor(readonly maxBytes: number) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
      throw new Error(`replayCacheBytes must be a whole number of bytes >= 0 (got ${maxBytes}).`);
    }
  }

  /** Bytes currently held (answers plus per-entry overhead). */
  get bytes(): number {
    return this.heldBytes;
  }

  /**
   * Looks a request id up and, when unknown, claims it for this request: the caller must then call
   * {@link complete} or {@link release}. Call it under the cart's lock so the lookup and the update are one step.
   */
  claim(requestId: string, fingerprint: RequestFingerprint): ReplayClaim {
    const key = requestId.toLowerCase();
    const known = this.entries.get(key);
    if (!known) {
      const bytes = entryBytes(key, fingerprint);
      this.entries.set(key, { fingerprint, answer: undefined, bytes });
      this.heldBytes += bytes;
      return { kind: 'first' };
    }
    const differs = differingPart(known.fingerprint, fingerprint);
    if (differs) return { kind: 'mismatch', differs };
    return known.answer === undefined ? { kind: 'in-progress' } : { kind: 'replay', answer: known.answer };
  }

  /** Keeps the answer of a claimed request id, then forgets the oldest answers until within budget. */
  complete(requestId: string, answer: string): void {
    const key = requestId.toLowerCase();
    const claimed = this.entries.get(key);
    if (!claimed) return;
    this.forget(key, claimed);
    const bytes = entryBytes(key, claimed.fingerprint, answer);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { fingerprint: claimed.fingerprint, answer, bytes });
    this.heldBytes += bytes;
    for (const [oldKey, entry] of this.entries) {
      if (this.heldBytes <= this.maxBytes) break;
      if (entry.answer !== undefined) this.forget(oldKey, entry);
    }
  }

  /** Drops a claim whose update failed, so a retry runs it again. */
  release(requestId: string): void {
    const key = requestId.toLowerCase();
    const claimed = this.entries.get(key);
    if (claimed && claimed.answer === undefined) this.forget(key, claimed);
  }

  private forget(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.heldBytes -= entry.bytes;
  }
}

function differingPart(first: RequestFingerprint, again: RequestFingerprint): 'cart' | 'body' | 'caller' | undefined {
  if (first.cart !== again.cart) return 'cart';
  if (first.callerId !== again.callerId) return 'caller';
  if (first.bodyHash !== again.bodyHash) return 'body';
  return undefined;
}
