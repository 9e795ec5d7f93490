/*
 * The package root on Node (the "node" condition of the package's exports): everything of src/index.ts, with a
 * `createCartClient` whose default transport is undici's dispatcher instead of `fetch`. Browsers get src/index.ts,
 * which holds no Node-only code.
 */
export * from './index.js';
export { createCartClient } from './client/create-node-cart-client.js';
