import type { CartViolation } from '../errors/index.js';
import { findCartUpdateViolations } from '../validation/check-request.js';

/*
 * Requests are judged by what Partner Center accepts, not by the one form this package's client sends: the .NET
 * SDK's PascalCase body is valid traffic. That judgement is `findCartUpdateViolations(body, { as: 'service' })`
 * (issue 10). Until that option exists on this branch the call falls back to the strict check, which ignores the
 * second argument; once it has landed the cast below is a no-op and can go.
 */
const findViolations = findCartUpdateViolations as (body: unknown, options: { as: 'service' }) => CartViolation[];

/** Every reason Partner Center would refuse `body` as the body of a cart update. */
export function serviceAcceptanceViolations(body: unknown): CartViolation[] {
  return findViolations(body, { as: 'service' });
}
