/*
 * Every failure of a client call is a CartClientError, told apart by `kind`. None of them holds the request, its
 * headers or the credential, and the client scrubs every token it sent (and anything shaped like a bearer token or
 * a JWT) from the text of each error and its causes, so a token cannot reach a message, a stack, a log line,
 * util.inspect or JSON.stringify, even when a server or a token provider echoes it.
 */

/**
 * What a client error is about: the request itself, the service's error answer, the network, a deadline, the token,
 * a success answer the client cannot use, or an answer that breaks the contract (drift, in strict mode).
 */
export type CartClientErrorKind = 'validation' | 'api' | 'network' | 'timeout' | 'credential' | 'response' | 'contract';

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
