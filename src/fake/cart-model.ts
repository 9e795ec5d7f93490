/** A JSON object whose properties the fake does not know are kept as they are. */
export type JsonObject = { [key: string]: unknown };

/** A cart line item as the fake stores and returns it (camelCase wire names). */
export interface FakeLineItem extends JsonObject {
  id: number;
  catalogItemId: string;
  quantity: number;
  billingCycle: string;
  currencyCode: string;
  orderGroup: string;
}

/** A cart as the fake stores and returns it. */
export interface FakeCart extends JsonObject {
  id: string;
  creationTimestamp: string;
  lastModifiedTimestamp: string;
  expirationTimestamp: string;
  lastModifiedUser: string;
  lineItems: FakeLineItem[];
  status: CartStatus;
  links: { self: { uri: string; method: string; headers: Array<{ key: string; value: string }> } };
  attributes: { objectType: 'Cart' };
}

export type CartStatus = 'Active' | 'Ordered';

/** Partner Center deletes carts this long after creation (current docs: 7 days). */
export const DEFAULT_CART_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Properties the server owns: a client may send them back (e.g. after a GET) and they are ignored. */
export const SERVER_OWNED_CART_FIELDS = [
  'id',
  'creationTimestamp',
  'lastModifiedTimestamp',
  'expirationTimestamp',
  'lastModifiedUser',
  'status',
  'links',
  'attributes',
] as const;

/** Partner Center writes UTC timestamps with seven fractional digits, e.g. `2021-08-18T17:29:52.3517492Z`. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
