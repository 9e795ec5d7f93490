export { startFakeCartService, type FakeCartService, type FakeCartServiceOptions } from './server.js';
export type { AppliedUpdate, SeedCartInput, SeedLineItem, ConcurrencyMode } from './cart-store.js';
export type { FaultSpec } from './faults.js';
export { BROKEN_VARIANTS, type BrokenVariant } from './broken-variants.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.js';
export type { FakeCart, FakeLineItem, CartStatus, JsonObject } from './cart-model.js';
export { ErrorCode, type PartnerCenterErrorBody } from './error-body.js';
