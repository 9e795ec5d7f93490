import { validateCartId, validateCartUpdate, validateCustomerId } from '../../generated/validators.js';
import type { CartUpdate } from '../types.js';
import { CartValidationError, type CartViolation } from '../errors/index.js';
import { toViolations } from './violations.js';

/*
 * The client's checks before anything is sent, all made by the validators generated from the contract. Unknown
 * properties are not violations (the contract is open for extension) and stay in the body untouched.
 */

function checkId(name: 'customer-id' | 'cart-id', value: unknown, validate: typeof validateCustomerId): CartViolation[] {
  if (validate(value)) return [];
  return [
    {
      path: name,
      rule: 'format',
      message: `${name} must be a GUID such as d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d (got ${JSON.stringify(value) ?? 'nothing'})`,
      value,
    },
  ];
}

/** Throws a `CartValidationError` unless both path parameters are GUIDs. */
export function assertCartPath(customerId: unknown, cartId: unknown): void {
  const violations = [...checkId('customer-id', customerId, validateCustomerId), ...checkId('cart-id', cartId, validateCartId)];
  if (violations.length > 0) throw new CartValidationError(violations);
}

/**
 * Every way `body` breaks the contract's `CartUpdate`; empty when it may be sent. The client runs this before each
 * PUT; call it yourself to check a cart built elsewhere.
 *
 * @example
 * ```ts
 * findCartUpdateViolations({ lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 0, billingCycle: 'monthly' }] });
 * // [{ path: 'lineItems[0].quantity', rule: 'minimum', value: 0, message: 'lineItems[0].quantity must be >= 1 (got 0)' }]
 * ```
 */
export function findCartUpdateViolations(body: unknown): CartViolation[] {
  return validateCartUpdate(body) ? [] : toViolations(validateCartUpdate.errors ?? [], body, 'the cart');
}

/** Throws a `CartValidationError` listing every violation unless `body` is a valid `CartUpdate`. */
export function assertCartUpdate(body: unknown): asserts body is CartUpdate {
  const violations = findCartUpdateViolations(body);
  if (violations.length > 0) throw new CartValidationError(violations);
}
