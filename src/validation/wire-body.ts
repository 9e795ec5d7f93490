import { CartValidationError, type CartViolation } from '../errors/index.js';

/** Deeper than any cart the contract describes (a line, its add-ons' add-ons, their participants): refused as an error. */
export const MAX_BODY_DEPTH = 64;

/** The properties the contract types `date-time`, wherever they sit in a cart or its lines. */
const DATE_TIME_PROPERTIES = new Set(['creationTimestamp', 'lastModifiedTimestamp', 'expirationTimestamp', 'customTermEndDate']);
const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})[Tt]/;

/** The body exactly as it goes on the wire: the JSON text, and that text parsed back (what is validated). */
export interface WireBody {
  readonly text: string;
  readonly value: unknown;
}

/**
 * Serialises a request body once and parses it back, so that what is validated is exactly what is sent: a
 * `toJSON()`, a getter or properties on a prototype cannot make the checked object differ from the sent one. A body
 * too deep or circular to serialise, deeper than `MAX_BODY_DEPTH`, or with an impossible calendar date is refused
 * with a `CartValidationError`, never a `RangeError`.
 */
export function toWireBody(body: unknown): WireBody {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    const why = error instanceof RangeError ? 'it is nested too deeply' : 'it is circular or holds a BigInt';
    throw refuse('', `the cart cannot be serialised to JSON: ${why}`, 'serialisable');
  }
  if (text === undefined) throw refuse('', 'the cart must be an object (got nothing JSON can hold)', 'type');
  const value: unknown = JSON.parse(text);
  const violation = findStructuralViolation(value);
  if (violation) throw new CartValidationError([violation]);
  return { text, value };
}

function refuse(path: string, message: string, rule: string): CartValidationError {
  return new CartValidationError([{ path, rule, message, value: undefined }]);
}

/** The first node deeper than the limit, or date-time that is not a real date, walked without recursion. */
function findStructuralViolation(root: unknown): CartViolation | undefined {
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: root, depth: 0, path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth, path } = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return { path, rule: 'depth', message: `${path || 'the cart'} is nested deeper than ${MAX_BODY_DEPTH} levels`, value: undefined };
    }
    const isArray = Array.isArray(node);
    for (const [key, child] of Object.entries(node)) {
      const childPath = isArray ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!isArray && typeof child === 'string' && DATE_TIME_PROPERTIES.has(key) && !isCalendarDate(child)) {
        return {
          path: childPath,
          rule: 'format',
          message: `${childPath} must be a real calendar date (got ${JSON.stringify(child.slice(0, 40))})`,
          value: child,
        };
      }
      stack.push({ node: child, depth: depth + 1, path: childPath });
    }
  }
  return undefined;
}

/** False for a date-time whose day does not exist in its month (`2024-02-30`, `2023-02-29`); true otherwise. */
export function isCalendarDate(value: string): boolean {
  const parts = DATE_PARTS.exec(value);
  if (!parts) return true;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
  return day <= days;
}
