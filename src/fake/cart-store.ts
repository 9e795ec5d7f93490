import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatTimestamp, SERVER_OWNED_CART_FIELDS, type CartStatus, type FakeCart, type JsonObject } from './cart-model.js';
import type { Clock } from './clock.js';
import { findTooDeepPath, MAX_JSON_DEPTH } from '../validation/json-depth.js';
import { normaliseLineItems } from './normalise-line-items.js';

/** A line item to seed: the three required properties plus anything else, kept as given. */
export interface SeedLineItem extends JsonObject {
  catalogItemId: string;
  quantity: number;
  billingCycle: string;
}

/** A cart to put into the fake before (or while) it runs. */
export interface SeedCartInput {
  customerId: string;
  /** Default: a new GUID. */
  id?: string;
  lineItems: SeedLineItem[];
  /** Default `Active`; `Ordered` makes the cart read-only. */
  status?: CartStatus;
  /** Default: the fake's clock now. The cart expires `cartLifetimeMs` after this. */
  creationTimestamp?: Date | string;
  /** Default: a new GUID. */
  lastModifiedUser?: string;
  /** More cart properties (for example ones this contract does not know yet), kept and returned as given. */
  extraProperties?: JsonObject;
}

export interface CartStoreSettings {
  clock: Clock;
  lifetimeMs: number;
  currencyCode: string;
  /** Time each update spends between reading and writing the cart, to widen the window for races. */
  updateDelayMs: number;
  /** Awaited by each update between reading and writing the cart (see `holdUpdate` of the fake's options). */
  holdUpdate: ((update: UpdateInFlight) => Promise<void> | void) | undefined;
}

/** An update that has read its cart and not yet written it. */
export interface UpdateInFlight {
  customerId: string;
  cartId: string;
  /** The MS-RequestId of the update (sent by the client or generated). */
  requestId: string;
}

export type FindOutcome = { kind: 'found'; cart: FakeCart } | { kind: 'not-found'; description: string };

export type UpdateOutcome = FindOutcome | { kind: 'ordered'; description: string };

/** One update the fake applied to a cart. */
export interface AppliedUpdate {
  /** The MS-RequestId of the update (sent by the client or generated). */
  requestId: string;
  /**
   * How many updates the cart had seen when this one read it. In a serial history the n-th update is
   * based on revision n-1; two updates based on the same revision would mean one overwrote the other
   * without seeing it (a lost update).
   */
  basedOnRevision: number;
}

interface StoredCart {
  customerId: string;
  cart: FakeCart;
  revision: number;
  appliedUpdates: AppliedUpdate[];
}

/** The fake's carts in memory, with Partner Center's update rules. */
export class CartStore {
  private readonly carts = new Map<string, StoredCart>();
  private readonly customers = new Set<string>();

  constructor(private readonly settings: CartStoreSettings) {}

  addCustomer(customerId: string): void {
    this.customers.add(customerId.toLowerCase());
  }

  seed(input: SeedCartInput): FakeCart {
    const id = input.id ?? randomUUID();
    const created = input.creationTimestamp === undefined ? this.settings.clock() : new Date(input.creationTimestamp);
    if (Number.isNaN(created.getTime())) throw new Error(`seedCart: creationTimestamp ${String(input.creationTimestamp)} is not a date.`);
    // The same bound as PUT bodies: a deeper cart could be stored but never serialised or cloned again.
    const tooDeep = findTooDeepPath({ lineItems: input.lineItems, ...input.extraProperties });
    if (tooDeep !== undefined)
      throw new Error(`seedCart: the cart nests more than ${MAX_JSON_DEPTH} levels deep (at ${tooDeep}); seed a flatter cart.`);
    const cart: FakeCart = {
      ...input.extraProperties,
      id,
      creationTimestamp: formatTimestamp(created),
      lastModifiedTimestamp: formatTimestamp(created),
      expirationTimestamp: formatTimestamp(new Date(created.getTime() + this.settings.lifetimeMs)),
      lastModifiedUser: input.lastModifiedUser ?? randomUUID(),
      lineItems: normaliseLineItems(input.lineItems, this.lineItemDefaults()),
      status: input.status ?? 'Active',
      links: { self: { uri: `/customers/${input.customerId}/carts/${id}`, method: 'GET', headers: [] } },
      attributes: { objectType: 'Cart' },
    };
    this.addCustomer(input.customerId);
    this.carts.set(cartKey(input.customerId, id), { customerId: input.customerId, cart, revision: 0, appliedUpdates: [] });
    return structuredClone(cart);
  }

  /** The cart as a client sees it: unknown customers, unknown carts and expired carts are all not found. */
  find(customerId: string, cartId: string): FindOutcome {
    if (!this.customers.has(customerId.toLowerCase())) {
      return { kind: 'not-found', description: `Customer ${customerId} was not found; check the customer id (the customer's tenant id).` };
    }
    const stored = this.carts.get(cartKey(customerId, cartId));
    if (!stored || this.isExpired(stored.cart)) {
      return {
        kind: 'not-found',
        description: `Cart ${cartId} could not be found for customer ${customerId}; carts are deleted 7 days after creation, so create a new one.`,
      };
    }
    return { kind: 'found', cart: structuredClone(stored.cart) };
  }

  /**
   * Replaces the cart's writable content with a validated body. Server-owned properties sent by the client
   * are ignored; `lastModifiedTimestamp` and `lastModifiedUser` change, `id`, `creationTimestamp` and
   * `expirationTimestamp` do not. The caller must hold the cart's lock (see `CartUpdates`): this method
   * reads, waits (when asked to) and writes.
   */
  async update(customerId: string, cartId: string, body: JsonObject, userId: string, requestId: string): Promise<UpdateOutcome> {
    const current = this.find(customerId, cartId);
    if (current.kind !== 'found') return current;
    if (current.cart.status === 'Ordered') {
      return {
        kind: 'ordered',
        description: `Cart ${cartId} has already been checked out (status Ordered) and can no longer be updated; create a new cart.`,
      };
    }
    const stored = this.carts.get(cartKey(customerId, cartId));
    if (!stored) return current;
    const basedOnRevision = stored.revision;
    if (this.settings.updateDelayMs > 0) await sleep(this.settings.updateDelayMs);
    await this.settings.holdUpdate?.({ customerId, cartId, requestId });
    stored.cart = this.applyUpdate(current.cart, body, userId);
    stored.revision = basedOnRevision + 1;
    stored.appliedUpdates.push({ requestId, basedOnRevision });
    return { kind: 'found', cart: structuredClone(stored.cart) };
  }

  /** The stored cart, expired or not, or undefined. */
  snapshot(customerId: string, cartId: string): FakeCart | undefined {
    const stored = this.carts.get(cartKey(customerId, cartId));
    return stored && structuredClone(stored.cart);
  }

  all(): FakeCart[] {
    return [...this.carts.values()].map((stored) => structuredClone(stored.cart));
  }

  appliedUpdates(customerId: string, cartId: string): AppliedUpdate[] {
    return structuredClone(this.carts.get(cartKey(customerId, cartId))?.appliedUpdates ?? []);
  }

  private applyUpdate(current: FakeCart, body: JsonObject, userId: string): FakeCart {
    const writable: JsonObject = { ...body };
    for (const field of SERVER_OWNED_CART_FIELDS) delete writable[field];
    const lineItems = Array.isArray(body.lineItems) ? (body.lineItems as JsonObject[]) : [];
    return {
      ...writable,
      id: current.id,
      creationTimestamp: current.creationTimestamp,
      lastModifiedTimestamp: formatTimestamp(this.settings.clock()),
      expirationTimestamp: current.expirationTimestamp,
      lastModifiedUser: userId,
      lineItems: normaliseLineItems(lineItems, this.lineItemDefaults()),
      status: current.status,
      links: current.links,
      attributes: current.attributes,
    };
  }

  private isExpired(cart: FakeCart): boolean {
    return Date.parse(cart.expirationTimestamp) <= this.settings.clock().getTime();
  }

  private lineItemDefaults(): { currencyCode: string; orderGroup: string } {
    return { currencyCode: this.settings.currencyCode, orderGroup: '0' };
  }
}

/** The key of a cart in the store, its lock and its replays: ids are GUIDs, compared case-insensitively. */
export function cartKey(customerId: string, cartId: string): string {
  return `${customerId.toLowerCase()}/${cartId.toLowerCase()}`;
}
