import type { CartViolation } from '../errors/index.js';
import { acceptCartUpdateAsService } from '../validation/service-acceptance.js';

/*
 * Requests are judged by what Partner Center accepts, not by the one form this package's client sends: the .NET
 * SDK's PascalCase body is valid traffic. That judgement is the generated acceptance function behind
 * `findCartUpdateViolations(body, { as: 'service' })`, called directly: a body too deep to judge throws its
 * RangeError here, so that the file is reported unusable, where findCartUpdateViolations answers a violation.
 */

/** Every reason Partner Center would refuse `body` as the body of a cart update. */
export function serviceAcceptanceViolations(body: unknown): CartViolation[] {
  return acceptCartUpdateAsService(body).violations;
}
