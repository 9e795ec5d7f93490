import { BufferedResponse } from '../transport/buffered-response.js';
import { LightRequest } from '../transport/light-request.js';
import { createUndiciTransport } from '../transport/undici-transport.js';
import { type CartClient, type CartClientOptions, createCartClientWith } from './create-cart-client.js';

/**
 * `createCartClient` for Node: with no `fetch` given it sends through undici's dispatcher API, the fastest HTTP/1.1
 * client on Node (bench/results.md), and openapi-fetch builds a light request object instead of undici's Request;
 * every policy, check and error is the standard client's.
 */
export function createCartClient(options: CartClientOptions): CartClient {
  // LightRequest has every member openapi-fetch and the pipeline use (also with a caller's fetch), not all of Request's.
  return createCartClientWith(options, {
    transport: createUndiciTransport,
    Request: LightRequest as unknown as typeof Request,
    respond: (bytes, init) => new BufferedResponse(bytes, init),
  });
}
