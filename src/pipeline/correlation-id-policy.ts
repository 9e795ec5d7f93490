import type { Policy } from './pipeline.js';

export const CORRELATION_ID_HEADER = 'MS-CorrelationId';

/** Sends the client's `MS-CorrelationId` on every call that did not bring its own (a per-call id wins). */
export function correlationIdPolicy(correlationId: string): Policy {
  return {
    name: 'correlationIdPolicy',
    send(exchange, next) {
      if (!exchange.headers.has(CORRELATION_ID_HEADER)) exchange.headers.set(CORRELATION_ID_HEADER, correlationId);
      return next(exchange);
    },
  };
}
