import { updateCartAcceptance } from '../../generated/acceptance.js';
import { validateCartUpdate } from '../../generated/validators.js';
import type { CartViolation } from '../errors/index.js';
import { readAsService } from './service-body.js';
import { toViolations } from './violations.js';

/** A PUT body judged the way Partner Center judges it. */
export interface ServiceAcceptance {
  /** The body as the service reads it: canonical camelCase names and enum values, unknown properties kept. */
  cart: unknown;
  /** Why the service would refuse the body, with paths and values as they were sent; empty when it accepts it. */
  violations: CartViolation[];
}

/**
 * Judges a PUT body as the service does: reads it with the tables generated from the spec's `x-service-acceptance`
 * rules, then checks the result with the same generated validator as the client's strict check. One function for
 * everything that judges incoming traffic (the fake, `findCartUpdateViolations(body, { as: 'service' })`).
 */
export function acceptCartUpdateAsService(body: unknown): ServiceAcceptance {
  const reading = readAsService(body, updateCartAcceptance);
  if (validateCartUpdate(reading.body)) return { cart: reading.body, violations: [] };
  const issues = (validateCartUpdate.errors ?? []).map((issue) => ({ ...issue, instancePath: reading.sourcePointer(issue.instancePath) }));
  return { cart: reading.body, violations: toViolations(issues, body, 'the cart') };
}
