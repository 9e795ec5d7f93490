import { CartClientError } from './cart-client-error.js';

/**
 * No answer came back: the connection failed on every attempt. `cause` is the last failure.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (error instanceof PartnerCenterNetworkError) console.log(`gave up after ${error.attempts} attempts`, error.cause);
 * }
 * ```
 */
export class PartnerCenterNetworkError extends CartClientError {
  override readonly kind = 'network' as const;
  override readonly name = 'PartnerCenterNetworkError';
  declare readonly attempts: number;

  constructor(attempts: number, cause: unknown) {
    super(
      `Could not reach Partner Center after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${describeCause(cause)}. ` +
        'Check the network and the baseUrl, then try again.',
      { cause },
    );
    Object.assign(this, { attempts });
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
  return `${cause.message}${inner}`;
}
