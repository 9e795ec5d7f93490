/*
 * `partner-center-cart-contract/mock`: the Prism harness that serves the contract on loopback. Prism is an optional
 * peer dependency; `startPrism` says what to install when it is missing.
 */
export { startPrism, PRISM_INSTALL_HINT, type PrismOptions, type RunningPrism } from './prism.js';
export { startCartMock, type CartMockOptions } from './cart-mock.js';
/** @deprecated Internal helpers exported by 1.0.0; kept for compatibility and removed in 2.0.0. */
export { findFreePort, resolvePrismCli } from './prism.js';
