import { CartClientError } from './cart-client-error.js';

/**
 * The token provider failed, or gave something that cannot be sent as a token. Nothing was sent.
 *
 * @example
 * ```ts
 * const client = createCartClient({ credential: async () => { throw new Error('login expired'); } });
 * await client.getCart(customerId, cartId).catch((error) => error instanceof PartnerCenterCredentialError);
 * ```
 */
export class PartnerCenterCredentialError extends CartClientError {
  override readonly kind = 'credential' as const;
  override readonly name = 'PartnerCenterCredentialError';

  constructor(problem: string, cause?: unknown) {
    super(
      `Could not get a Partner Center token: ${problem}. Check the credential passed to createCartClient.`,
      cause === undefined ? undefined : { cause },
    );
  }
}
