import { createHash } from 'node:crypto';
import type { FakeCart, JsonObject } from './cart-model.js';
import { CartLocks } from './cart-locks.js';
import { type CartStore, cartKey, type UpdateOutcome } from './cart-store.js';
import type { ReplayCache } from './replay-cache.js';

/** How concurrent updates of the same cart are handled. */
export type ConcurrencyMode = 'serialise' | 'refuse';

/** One validated PUT, ready to apply. */
export interface UpdateRequest {
  customerId: string;
  cartId: string;
  body: JsonObject;
  /** The body as received, to tell a retry (same bytes) from a different update under the same MS-RequestId. */
  bodyText: string;
  /** The user the caller's token stands for. */
  userId: string;
  requestId: string;
  /** True when the client sent the MS-RequestId (only those are idempotency keys; generated ones are never reused). */
  clientSentRequestId: boolean;
}

export type UpdateResult =
  | UpdateOutcome
  | { kind: 'replayed'; cart: FakeCart }
  | { kind: 'busy'; description: string }
  | { kind: 'request-id-reused'; description: string };

const REUSE_DESCRIPTIONS = {
  cart: 'for an update of another cart',
  caller: 'by another caller',
  body: 'for an update with a different body',
} as const;

/**
 * Applies updates one cart at a time, with MS-RequestId replays: the replay lookup, the update and the
 * remembering of its answer happen under the same per-cart lock, so however many copies of one request
 * arrive at once, exactly one is applied and the others get its answer. A retry that arrives after another
 * writer's update gets the first answer back and never re-applies its body over that writer's.
 */
export class CartUpdates {
  private readonly locks = new CartLocks();

  constructor(
    private readonly store: CartStore,
    private readonly replays: ReplayCache,
    private readonly concurrency: ConcurrencyMode,
  ) {}

  async update(request: UpdateRequest): Promise<UpdateResult> {
    const key = cartKey(request.customerId, request.cartId);
    if (this.concurrency === 'refuse' && this.locks.isBusy(key)) {
      return { kind: 'busy', description: `Another request is already working on cart ${request.cartId}; retry after it has finished.` };
    }
    return this.locks.run(key, () => (request.clientSentRequestId ? this.updateOnce(key, request) : this.apply(request)));
  }

  private async updateOnce(key: string, request: UpdateRequest): Promise<UpdateResult> {
    const bodyHash = createHash('sha256').update(request.bodyText).digest('hex');
    const claim = this.replays.claim(request.requestId, { cart: key, bodyHash, callerId: request.userId });
    switch (claim.kind) {
      case 'replay':
        return { kind: 'replayed', cart: JSON.parse(claim.answer) as FakeCart };
      case 'in-progress':
        return { kind: 'busy', description: `Request ${request.requestId} is still being applied; retry it after a short wait.` };
      case 'mismatch':
        return {
          kind: 'request-id-reused',
          description: `MS-RequestId ${request.requestId} was already used ${REUSE_DESCRIPTIONS[claim.differs]}; send a fresh MS-RequestId for each new update and reuse it only to retry that same update.`,
        };
      case 'first':
        break;
    }
    let outcome: UpdateOutcome;
    try {
      outcome = await this.apply(request);
    } catch (error) {
      this.replays.release(request.requestId);
      throw error;
    }
    if (outcome.kind === 'found') this.replays.complete(request.requestId, JSON.stringify(outcome.cart));
    else this.replays.release(request.requestId);
    return outcome;
  }

  private apply(request: UpdateRequest): Promise<UpdateOutcome> {
    return this.store.update(request.customerId, request.cartId, request.body, request.userId, request.requestId);
  }
}
