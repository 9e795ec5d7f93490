/*
 * PUT requests that break the contract, each with the field it breaks written as the client names it
 * (`lineItems[0].quantity`, `customer-id`, `` for the body itself) and the schema rule it breaks.
 */

export const VALID_CUSTOMER_ID = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
export const VALID_CART_ID = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';

const line = { catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' };

export interface BadCartUpdate {
  name: string;
  body: unknown;
  customerId?: string;
  cartId?: string;
  path: string;
  rule: string;
  /** Prism's word for the rule when it differs from Ajv's (it reports a missing body as `required`). */
  prismRule?: string;
}

export const badCartUpdates: BadCartUpdate[] = [
  { name: 'missing lineItems', body: {}, path: 'lineItems', rule: 'required' },
  { name: 'empty lineItems', body: { lineItems: [] }, path: 'lineItems', rule: 'minItems' },
  { name: 'quantity 0', body: { lineItems: [{ ...line, quantity: 0 }] }, path: 'lineItems[0].quantity', rule: 'minimum' },
  { name: 'quantity -1', body: { lineItems: [{ ...line, quantity: -1 }] }, path: 'lineItems[0].quantity', rule: 'minimum' },
  { name: 'quantity 1.5', body: { lineItems: [{ ...line, quantity: 1.5 }] }, path: 'lineItems[0].quantity', rule: 'type' },
  { name: 'quantity "2" (a string)', body: { lineItems: [{ ...line, quantity: '2' }] }, path: 'lineItems[0].quantity', rule: 'type' },
  {
    name: 'missing catalogItemId',
    body: { lineItems: [{ quantity: 1, billingCycle: 'monthly' }] },
    path: 'lineItems[0].catalogItemId',
    rule: 'required',
  },
  {
    name: 'unknown billingCycle',
    body: { lineItems: [{ ...line, billingCycle: 'weekly' }] },
    path: 'lineItems[0].billingCycle',
    rule: 'enum',
  },
  {
    name: 'six additionalPartnerIdsOnRecord',
    body: { lineItems: [{ ...line, additionalPartnerIdsOnRecord: ['5357561', '5357562', '5357563', '5357564', '5357565', '5357566'] }] },
    path: 'lineItems[0].additionalPartnerIdsOnRecord',
    rule: 'maxItems',
  },
  {
    name: 'unknown participant key',
    body: { lineItems: [{ ...line, participants: [{ key: 'distributor', value: '517285' }] }] },
    path: 'lineItems[0].participants[0].key',
    rule: 'enum',
  },
  {
    name: 'wrong type in a nested add-on',
    body: { lineItems: [{ ...line, addonItems: [{ ...line, quantity: 'ten' }] }] },
    path: 'lineItems[0].addonItems[0].quantity',
    rule: 'type',
  },
  { name: 'customer-id not a GUID', body: { lineItems: [line] }, customerId: 'contoso', path: 'customer-id', rule: 'format' },
  { name: 'cart-id not a GUID', body: { lineItems: [line] }, cartId: '12345', path: 'cart-id', rule: 'format' },
  { name: 'body is an array', body: [line], path: '', rule: 'type' },
  { name: 'body is a string', body: 'a cart', path: '', rule: 'type' },
  { name: 'body is a number', body: 42, path: '', rule: 'type' },
  { name: 'body is null (nothing sent as the body)', body: null, path: '', rule: 'type', prismRule: 'required' },
];

/** One entry of Prism's `sl-violations` header. */
interface PrismViolation {
  location: string[];
  code: string | number;
  message: string;
}

/**
 * The request problems Prism reported in its `sl-violations` header, with the location written like the client's
 * paths. Prism puts a missing property at its parent and names it only in the message, so it is appended here.
 */
export function prismRequestViolations(header: string | null): Array<{ path: string; rule: string }> {
  if (!header) return [];
  return (JSON.parse(header) as PrismViolation[]).map((violation) => {
    const [, , ...parts] = violation.location; // ['request', 'body' | 'path' | ..., ...]
    const missing = violation.code === 'required' ? /required property '([^']+)'/.exec(violation.message)?.[1] : undefined;
    if (missing) parts.push(missing);
    const path = parts
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '');
    return { path, rule: String(violation.code) };
  });
}
