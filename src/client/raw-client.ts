import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { CartValidationError, isCartClientError } from '../errors/index.js';
import { signalViolations } from './call-settings.js';
import { flowBound } from './flow-bound.js';

/** openapi-fetch's methods that send a request; `use` and `eject` only register middleware. */
const SENDING_METHODS = ['request', 'GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type Send = (request: Request) => Promise<Response>;
type SendingMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * `client.raw`: openapi-fetch's client, whose sending methods turn a failure to build the request into a
 * `CartValidationError` (nothing was sent): a `baseUrl` the platform's Request refuses, a body its serialiser throws
 * on. openapi-fetch builds the request before it calls `fetch`, so a failure before that call is one of building;
 * every failure after it is typed by the pipeline already, and the caller's abort reason goes back as it is.
 * The client's typed calls use openapi-fetch's client directly: they check their input before it gets there.
 */
export function rawClient(client: Client<paths>, send: Send): Client<paths> {
  const raw: Client<paths> = { ...client };
  const methods = raw as unknown as Record<(typeof SENDING_METHODS)[number], SendingMethod>;
  for (const name of SENDING_METHODS) {
    const method = methods[name];
    // `request(method, url, init)` takes its options third, the others (`GET(url, init)`) second.
    const initAt = name === 'request' ? 2 : 1;
    methods[name] = async (...args) => {
      let sent = false;
      const init = { ...(args[initAt] as { fetch?: Send; signal?: unknown } | undefined) };
      const badSignal = signalViolations(init.signal);
      if (badSignal.length > 0) throw new CartValidationError(badSignal);
      // The call's own signal, following the caller's: see flowBound.
      const own = flowBound(init.signal as AbortSignal | undefined, undefined);
      if (own.signal) init.signal = own.signal;
      const through = init.fetch ?? send;
      init.fetch = (request) => {
        sent = true;
        return through(request);
      };
      args[initAt] = init;
      try {
        return await method(...args);
      } catch (error) {
        if (sent || isCartClientError(error)) throw error;
        const message = `the request could not be built: ${error instanceof Error ? error.message : String(error)}`;
        throw new CartValidationError([{ path: '', rule: 'request', message, value: undefined }]);
      } finally {
        own.end();
      }
    };
  }
  return raw;
}
