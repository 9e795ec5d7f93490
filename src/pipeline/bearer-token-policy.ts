import { PartnerCenterCredentialError } from '../errors/index.js';
import type { Policy } from './pipeline.js';
import { raceSignal } from './race-signal.js';

/**
 * Gives a Partner Center access token. Called before every attempt, so a provider that caches and refreshes its
 * token hands a fresh one to a retry after the old one expired.
 */
export type TokenProvider = (context: { signal: AbortSignal }) => string | Promise<string>;

/** A fixed access token, or a provider called per attempt. */
export type Credential = string | TokenProvider;

/** Sets `Authorization: Bearer <token>` on every attempt. */
export function bearerTokenPolicy(credential: Credential): Policy {
  return {
    name: 'bearerTokenPolicy',
    async send(exchange, next) {
      const token = typeof credential === 'string' ? credential : await provideToken(credential, exchange.signal);
      if (typeof token !== 'string' || token === '') throw new PartnerCenterCredentialError('the token is empty or not a string');
      try {
        exchange.headers.set('Authorization', `Bearer ${token}`);
      } catch {
        // The platform's own error quotes the header value, which is the token: never pass it on.
        throw new PartnerCenterCredentialError('the token contains characters a header cannot carry');
      }
      return next(exchange);
    },
  };
}

async function provideToken(provider: TokenProvider, signal: AbortSignal): Promise<unknown> {
  try {
    // Raced against the attempt's signal (deadlines and the caller's), since a provider may ignore it and hang.
    return await raceSignal(
      Promise.resolve().then(() => provider({ signal })),
      signal,
    );
  } catch (error) {
    if (signal.aborted) throw error;
    throw new PartnerCenterCredentialError('the token provider threw', error);
  }
}
