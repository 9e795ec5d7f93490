import { destinationProblem } from '../client/base-url.js';
import { CartValidationError } from '../errors/index.js';
import type { Policy } from './pipeline.js';

/**
 * Checks every request's URL against the destination rule before anything else runs, so that a `client.raw` call
 * with its own `baseUrl` cannot send the token over plain http or to a URL with credentials in it.
 */
export function destinationPolicy(): Policy {
  return {
    name: 'destinationPolicy',
    send(exchange, next) {
      const url = new URL(exchange.url);
      const problem = destinationProblem(url);
      if (problem === undefined) return next(exchange);
      const message = `the request to ${url.protocol}//${url.host} is refused: ${problem}; nothing was sent`;
      return Promise.reject(
        new CartValidationError([{ path: 'baseUrl', rule: 'destination', message, value: `${url.protocol}//${url.host}` }]),
      );
    },
  };
}
