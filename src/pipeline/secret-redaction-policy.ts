import type { SecretRedactor } from '../errors/redact-secrets.js';
import type { Policy } from './pipeline.js';

const BEARER = /^Bearer\s+(.+)$/i;

/**
 * Outermost: whatever a call rejects with passes through the client's redactor once, so no token it sent (and
 * nothing token-shaped) reaches the message, stack or cause chain of the error.
 */
export function secretRedactionPolicy(redactor: SecretRedactor): Policy {
  return {
    name: 'secretRedactionPolicy',
    send: (exchange, next) =>
      next(exchange).catch((error: unknown) => {
        // The caller's own abort reason goes back to the caller as it is.
        throw exchange.signal.aborted && error === exchange.signal.reason ? error : redactor.redact(error);
      }),
  };
}

/** Just inside the bearer token policy: tells the redactor each token an attempt is about to send. */
export function tokenWitnessPolicy(redactor: SecretRedactor): Policy {
  return {
    name: 'tokenWitnessPolicy',
    send(exchange, next) {
      const token = BEARER.exec(exchange.headers.get('Authorization') ?? '')?.[1];
      if (token !== undefined) redactor.remember(token);
      return next(exchange);
    },
  };
}
