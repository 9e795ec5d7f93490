import type { Policy } from './pipeline.js';

/** Names the calling library in `MS-PartnerCenter-Client`, as the .NET SDK does, for the service's telemetry. */
export function clientNamePolicy(clientName: string): Policy {
  return {
    name: 'clientNamePolicy',
    send(exchange, next) {
      exchange.headers.set('MS-PartnerCenter-Client', clientName);
      return next(exchange);
    },
  };
}
