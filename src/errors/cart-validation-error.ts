import { CartClientError } from './cart-client-error.js';

/** One rule the request broke, found before anything was sent. */
export interface CartViolation {
  /** Where, written as in JavaScript: `lineItems[0].quantity`; `customer-id` for a path parameter; `` for the body itself. */
  readonly path: string;
  /** The schema keyword that failed: `required`, `minimum`, `type`, `enum`, `maxItems`, `format`, ... */
  readonly rule: string;
  /** A sentence naming the path, what is expected and what was found. */
  readonly message: string;
  /** The offending value (undefined when it is missing). */
  readonly value: unknown;
}

/**
 * The request broke the contract, so nothing was sent. `violations` lists every problem found.
 *
 * @example
 * ```ts
 * try {
 *   await client.updateCart(customerId, cartId, { lineItems: [] });
 * } catch (error) {
 *   if (error instanceof CartValidationError) console.error(error.violations.map((v) => v.message));
 * }
 * ```
 */
export class CartValidationError extends CartClientError {
  override readonly kind = 'validation' as const;
  override readonly name = 'CartValidationError';
  readonly violations: readonly CartViolation[];

  constructor(violations: readonly CartViolation[]) {
    const [first] = violations;
    super(
      violations.length === 1 && first
        ? `${first.message}; nothing was sent`
        : `${violations.length} problems in the request: ${violations.map((violation) => violation.message).join('; ')}; nothing was sent`,
    );
    this.violations = violations;
  }
}
