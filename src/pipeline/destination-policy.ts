import { destinationProblem } from '../client/base-url.js';
import { CartValidationError } from '../errors/index.js';
import type { Policy } from './pipeline.js';

/**
 * Checks every request's URL against the destination rule before anything else runs, so that a `client.raw` call
 * with its own `baseUrl` cannot send the token over plain http or to a URL with credentials in it. A URL under the
 * client's own base URL (checked at creation) is let through without parsing it again.
 */
export function destinationPolicy(checkedBaseUrl: string): Policy {
  const trusted = `${checkedBaseUrl.replace(/\/+$/, '')}/`;
  return {
    name: 'destinationPolicy',
    send(exchange, next) {
      if (exchange.url.startsWith(trusted)) return next(exchange);
      if (!URL.canParse(exchange.url)) {
        const message = `the request URL ${JSON.stringify(exchange.url)} is not absolute: give client.raw calls a baseUrl such as ${JSON.stringify(checkedBaseUrl)}`;
        return Promise.reject(new CartValidationError([{ path: 'baseUrl', rule: 'destination', message, value: exchange.url }]));
      }
      const url = new URL(exchange.url);
      const problem = destinationProblem(url);
      if (problem === undefined) return next(exchange);
      const message = `baseUrl ${url.origin} is refused: ${problem}`;
      return Promise.reject(new CartValidationError([{ path: 'baseUrl', rule: 'destination', message, value: url.origin }]));
    },
  };
}
