import type { FakeCart } from './cart-model.js';

/**
 * Ways to make the fake break the contract on purpose, to prove that a provider check (Prism's
 * validation proxy) catches each one. They apply to successful cart responses only.
 * - `wrong-field-type`: `lineItems[0].quantity` is sent as a string.
 * - `missing-required-field`: `lineItems[0].catalogItemId` is left out.
 * - `undeclared-success-status`: 202 instead of the declared 200/201 (Prism reports it as an error).
 * - `undeclared-error-status`: 418 (Prism lets undeclared error statuses pass with a warning only,
 *   visible in its `sl-violations` header).
 * - `wrong-content-type`: the cart is sent as `text/plain`.
 */
export type BrokenVariant =
  | 'wrong-field-type'
  | 'missing-required-field'
  | 'undeclared-success-status'
  | 'undeclared-error-status'
  | 'wrong-content-type';

export const BROKEN_VARIANTS: readonly BrokenVariant[] = [
  'wrong-field-type',
  'missing-required-field',
  'undeclared-success-status',
  'undeclared-error-status',
  'wrong-content-type',
];

export interface CartResponse {
  status: number;
  contentType: string;
  body: unknown;
}

export function breakCartResponse(variant: BrokenVariant, response: CartResponse & { body: FakeCart }): CartResponse {
  const [first, ...rest] = response.body.lineItems;
  switch (variant) {
    case 'wrong-field-type':
      return { ...response, body: { ...response.body, lineItems: first ? [{ ...first, quantity: String(first.quantity) }, ...rest] : [] } };
    case 'missing-required-field': {
      if (!first) return response;
      const { catalogItemId: _dropped, ...incomplete } = first;
      return { ...response, body: { ...response.body, lineItems: [incomplete, ...rest] } };
    }
    case 'undeclared-success-status':
      return { ...response, status: 202 };
    case 'undeclared-error-status':
      return { ...response, status: 418 };
    case 'wrong-content-type':
      return { ...response, contentType: 'text/plain; charset=utf-8' };
  }
}
