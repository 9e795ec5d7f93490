import type { CartViolation } from '../errors/index.js';
import { findCartUpdateViolations } from '../validation/check-request.js';

/*
 * Requests are judged by what Partner Center accepts, not by the one form this package's client sends: the .NET
 * SDK's PascalCase body is valid traffic. That judgement is the generated acceptance function behind
 * `findCartUpdateViolations(body, { as: 'service' })`.
 */

/** Every reason Partner Center would refuse `body` as the body of a cart update. */
export function serviceAcceptanceViolations(body: unknown): CartViolation[] {
  return findCartUpdateViolations(body, { as: 'service' });
}
