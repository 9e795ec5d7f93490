import type { Policy } from './pipeline.js';

export const REQUEST_ID_HEADER = 'MS-RequestId';

/**
 * Gives each logical call a fresh `MS-RequestId` unless the call brought its own. It runs outside the retry policy,
 * so every retry of the call carries the same id: Partner Center uses it as the idempotency key.
 */
export function requestIdPolicy(newId: () => string = () => crypto.randomUUID()): Policy {
  return {
    name: 'requestIdPolicy',
    send(exchange, next) {
      if (!exchange.headers.has(REQUEST_ID_HEADER)) exchange.headers.set(REQUEST_ID_HEADER, newId());
      return next(exchange);
    },
  };
}
