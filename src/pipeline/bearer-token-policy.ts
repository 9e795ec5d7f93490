import { PartnerCenterCredentialError } from '../errors/index.js';
import type { CallState, Policy } from './pipeline.js';
import type { RetryListener } from './retry-policy.js';
import { raceSignal } from './race-signal.js';

/**
 * Gives a Partner Center access token. Called before every attempt, so a provider that caches and refreshes its
 * token hands a fresh one to a retry after the old one expired. `forceRefresh` is `true` only once per call, after
 * Partner Center refused the token with a 401: the provider must then skip its cache and get a new token.
 */
export type TokenProvider = (context: { forceRefresh: boolean; signal: AbortSignal }) => string | Promise<string>;

/** A fixed access token, or a provider called per attempt. */
export type Credential = string | TokenProvider;

/** Calls whose next attempt must bring a token fetched with `forceRefresh: true`. */
const MUST_REFRESH = new WeakSet<CallState>();

/** Sets `Authorization: Bearer <token>` on every attempt. */
export function bearerTokenPolicy(credential: Credential): Policy {
  return {
    name: 'bearerTokenPolicy',
    async send(exchange, next) {
      const token =
        typeof credential === 'string' ? credential : await provideToken(credential, MUST_REFRESH.delete(exchange.call), exchange.signal);
      if (typeof token !== 'string' || token.trim() === '')
        throw new PartnerCenterCredentialError('the token is empty, blank or not a string');
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

/**
 * Partner Center tokens live about an hour, and a cached token can expire between the provider's check and the
 * service's. On a 401 this policy asks the provider once for a new token (`forceRefresh: true`) and sends the call
 * once more, with the same `MS-RequestId`; the answer to that resend is final, so a refused token never loops. It
 * sits outside the retry policy, so the resend is a full attempt with its own deadline and retries.
 */
export function tokenRefreshPolicy(onResend?: RetryListener): Policy {
  return {
    name: 'tokenRefreshPolicy',
    async send(exchange, next) {
      const response = await next(exchange);
      if (response.status !== 401 || exchange.signal.aborted) return response;
      void response.body?.cancel().catch(() => undefined);
      onResend?.({ reason: 'unauthorized', attempt: exchange.call.attempts, status: 401, waitMs: 0 }, exchange);
      MUST_REFRESH.add(exchange.call);
      return next(exchange);
    },
  };
}

async function provideToken(provider: TokenProvider, forceRefresh: boolean, signal: AbortSignal): Promise<unknown> {
  try {
    // Raced against the attempt's signal (deadlines and the caller's), since a provider may ignore it and hang.
    return await raceSignal(
      Promise.resolve().then(() => provider({ forceRefresh, signal })),
      signal,
    );
  } catch (error) {
    if (signal.aborted) throw error;
    throw new PartnerCenterCredentialError(
      forceRefresh ? 'the token provider threw when asked for a new token after a 401' : 'the token provider threw',
      error,
    );
  }
}
