import { CartClientError } from './cart-client-error.js';

/**
 * An attempt or the whole call ran out of time. `scope` says which deadline passed.
 *
 * @example
 * ```ts
 * const client = createCartClient({ credential: token, timeouts: { attemptMs: 5_000, overallMs: 20_000 } });
 * try {
 *   await client.getCart(customerId, cartId);
 * } catch (error) {
 *   if (error instanceof PartnerCenterTimeoutError) console.log(error.scope, error.timeoutMs, error.attempts);
 * }
 * ```
 */
export class PartnerCenterTimeoutError extends CartClientError {
  override readonly kind = 'timeout' as const;
  override readonly name = 'PartnerCenterTimeoutError';
  declare readonly scope: 'attempt' | 'overall';
  declare readonly timeoutMs: number;
  declare readonly attempts: number;

  constructor(scope: 'attempt' | 'overall', timeoutMs: number, attempts: number) {
    super(
      scope === 'attempt'
        ? `Partner Center did not answer within ${timeoutMs} ms, on each of ${attempts} attempt${attempts === 1 ? '' : 's'}. Try again later or raise timeouts.attemptMs.`
        : `The call did not finish within ${timeoutMs} ms (${attempts} attempt${attempts === 1 ? '' : 's'} made). Try again later or raise timeouts.overallMs.`,
    );
    Object.assign(this, { scope, timeoutMs, attempts });
  }
}
