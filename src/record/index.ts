/*
 * `partner-center-cart-contract/record`: recording what a client sent and received as HAR 1.2, to verify it later
 * with `partner-center-cart-verify`. A subpath of its own so that an application's client bundle never carries it.
 */
export { recordHar, type HarRecorder, type HarRecorderOptions } from './record-har.js';
export type { HarEntry, HarLog, HarNameValue, HarRequest, HarResponse } from './har.js';
export { ALWAYS_REDACTED, REDACTED } from './redact.js';
