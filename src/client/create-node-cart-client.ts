import { createUndiciTransport } from '../transport/undici-transport.js';
import { type CartClient, type CartClientOptions, createCartClientWith } from './create-cart-client.js';

/**
 * `createCartClient` for Node: with no `fetch` given it sends through undici's dispatcher API, the fastest HTTP/1.1
 * client on Node (bench/results.md), with every policy, check and error of the standard client.
 */
export function createCartClient(options: CartClientOptions): CartClient {
  return createCartClientWith(options, createUndiciTransport);
}
