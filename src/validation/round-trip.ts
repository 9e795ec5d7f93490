import { type GeneratedValidationIssue, validateCartUpdate } from '../../generated/validators.js';
import { CartValidationError, type CartViolation } from '../errors/index.js';
import type { CartUpdate } from '../types.js';
import { toViolations } from './violations.js';

/*
 * `modifyCart` puts back a cart the service itself returned. What the service returned it accepts back, even where
 * the strict contract would not: a billing cycle this contract does not know yet, a timestamp without a zone, a
 * server-set field in a shape a fresh body may not have. So the changed cart is checked strictly, and a violation is
 * dropped only when its value is exactly what the service returned at the same place. Anything the caller changed or
 * added is held to the strict contract. Lines are matched by their `id`, so removing or reordering lines does not
 * make an untouched line look changed.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

const NOT_RETURNED = Symbol('not returned by the service');

/** The value at `pointer` in the changed cart, and what the service returned at that place (or NOT_RETURNED). */
function valuesAt(pointer: string, changed: unknown, returned: unknown): { mine: unknown; theirs: unknown } {
  let mine = changed;
  let theirs = returned;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(mine) && Array.isArray(theirs)) {
      const item: unknown = mine[Number(segment)];
      const id = isRecord(item) ? item.id : undefined;
      theirs = id === undefined ? theirs[Number(segment)] : theirs.find((candidate) => isRecord(candidate) && candidate.id === id);
      mine = item;
    } else if (isRecord(mine) && isRecord(theirs) && Object.hasOwn(theirs, segment)) {
      mine = mine[segment];
      theirs = theirs[segment];
    } else {
      return { mine, theirs: NOT_RETURNED };
    }
    if (theirs === undefined) return { mine, theirs: NOT_RETURNED };
  }
  return { mine, theirs };
}

function cameFromService(issue: GeneratedValidationIssue, changed: unknown, returned: unknown): boolean {
  const { mine, theirs } = valuesAt(issue.instancePath, changed, returned);
  if (theirs === NOT_RETURNED) return false;
  if (issue.keyword === 'required') return isRecord(theirs) && !Object.hasOwn(theirs, String(issue.params.missingProperty));
  return sameJson(mine, theirs);
}

/**
 * Every strict violation in `changed` that the caller introduced, leaving out values that are exactly what the
 * service returned in `returned` (the cart as read, before the caller changed it).
 */
export function findRoundTripViolations(changed: unknown, returned: unknown): CartViolation[] {
  if (validateCartUpdate(changed)) return [];
  const introduced = (validateCartUpdate.errors ?? []).filter((issue) => !cameFromService(issue, changed, returned));
  return toViolations(introduced, changed, 'the cart');
}

/** Throws a `CartValidationError` unless every strict violation in `changed` is one the service returned itself. */
export function assertRoundTrip(changed: unknown, returned: unknown): asserts changed is CartUpdate {
  const violations = findRoundTripViolations(changed, returned);
  if (violations.length > 0) throw new CartValidationError(violations);
}
