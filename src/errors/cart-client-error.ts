/*
 * Every failure of a client call is a CartClientError, told apart by `kind`. None of them holds the request, its
 * headers or the credential, so a token can never reach a message, a property, a log line or JSON.stringify.
 */

/** What a client error is about: the request, the service's answer, the network, a deadline, the token, or drift. */
export type CartClientErrorKind = 'validation' | 'api' | 'network' | 'timeout' | 'credential' | 'contract';

/**
 * The base of every error a cart client call rejects with (apart from the caller's own abort reason). Narrow with
 * `kind`, or with `isCartClientError`, which also works across copies of this package.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (isCartClientError(error) && error.kind === 'api') console.error(error.status, error.code);
 * }
 * ```
 */
export abstract class CartClientError extends Error {
  abstract readonly kind: CartClientErrorKind;
}
