import { validateCartId, validateCartUpdate, validateCustomerId } from '../../generated/validators.js';
import type { CartUpdate } from '../types.js';
import { CartValidationError, type CartViolation } from '../errors/index.js';
import { acceptCartUpdateAsService } from './service-acceptance.js';
import { toViolations } from './violations.js';
import { quoteValue } from './quote-value.js';

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
      message: `${name} must be a GUID such as d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d (got ${quoteValue(value)})`,
      value,
    },
  ];
}

/** Throws a `CartValidationError` unless both path parameters are GUIDs. */
export function assertCartPath(customerId: unknown, cartId: unknown): void {
  const violations = [...checkId('customer-id', customerId, validateCustomerId), ...checkId('cart-id', cartId, validateCartId)];
  if (violations.length > 0) throw new CartValidationError(violations);
}

/** Whose rules `findCartUpdateViolations` applies. */
export interface CartUpdateCheckOptions {
  /**
   * `'client'` (the default): the contract's one canonical form, what this package's client sends (camelCase names,
   * lower snake case enum values, RFC 3339 date-times). `'service'`: what Partner Center accepts, the spec's
   * `x-service-acceptance` rules (names in any case, .NET enum spellings such as `OneTime`, nulls for unset optional
   * properties, date-times without an offset), for judging traffic other clients send.
   */
  as?: 'client' | 'service';
}

/**
 * Every way `body` breaks the contract's `CartUpdate`; empty when it may be sent. The client runs this before each
 * PUT; call it yourself to check a cart built elsewhere, or with `{ as: 'service' }` to ask whether Partner Center
 * would accept a body another client sent.
 *
 * @example
 * ```ts
 * findCartUpdateViolations({ lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 0, billingCycle: 'monthly' }] });
 * // [{ path: 'lineItems[0].quantity', rule: 'minimum', value: 0, message: 'lineItems[0].quantity must be >= 1 (got 0)' }]
 * findCartUpdateViolations({ LineItems: [{ CatalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', Quantity: 2, BillingCycle: 'OneTime' }] }, { as: 'service' });
 * // []
 * ```
 */
export function findCartUpdateViolations(body: unknown, options: CartUpdateCheckOptions = {}): CartViolation[] {
  try {
    return options?.as === 'service' ? acceptCartUpdateAsService(body).violations : strictViolations(body);
  } catch {
    // A getter or a Proxy trap that throws, a revoked Proxy, add-ons nested too deep or inside themselves: an answer.
    const message = 'the cart could not be read: a getter or a Proxy threw, or it nests too deep';
    return [{ path: '', rule: 'type', message, value: undefined }];
  }
}

/**
 * The client's own check, apart from `findCartUpdateViolations` so that a bundle holding only the client leaves out
 * the service's reading rules and their tables (about 1.5 kB gzipped), which only that function's `'service'` uses.
 */
function strictViolations(body: unknown): CartViolation[] {
  return validateCartUpdate(body) ? [] : toViolations(validateCartUpdate.errors ?? [], body, 'the cart');
}

/** Throws a `CartValidationError` listing every violation unless `body` is a valid `CartUpdate`. */
export function assertCartUpdate(body: unknown): asserts body is CartUpdate {
  const violations = strictViolations(body);
  if (violations.length > 0) throw new CartValidationError(violations);
}
