import { CartValidationError, type CartViolation } from '../errors/index.js';

/** Deeper than any cart the contract describes (a line, its add-ons' add-ons, their participants): refused as an error. */
export const MAX_BODY_DEPTH = 64;

/** The names of the properties the contract types `date-time` (creationTimestamp, customTermEndDate, ...). */
const DATE_TIME_PROPERTY = /(?:Timestamp|Date)$/;
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
  } catch {
    // RangeError (too deep for the stack), TypeError (circular, BigInt).
  }
  const value: unknown = text === undefined ? undefined : JSON.parse(text);
  const violation =
    text === undefined
      ? { path: '', rule: 'type', message: 'the cart must be a JSON object, not circular or too deep to serialise', value: undefined }
      : findStructuralViolation(value);
  if (violation) throw new CartValidationError([violation]);
  return { text: text as string, value };
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
      if (!isArray && typeof child === 'string' && DATE_TIME_PROPERTY.test(key) && !isCalendarDate(child)) {
        return { path: childPath, rule: 'format', message: `${childPath} must be a real calendar date`, value: child };
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
  const day = Number(parts[3]);
  // The Date rolls an impossible day over into the next month, so its day of the month then differs.
  const date = new Date(0);
  date.setUTCFullYear(Number(parts[1]), Number(parts[2]) - 1, day);
  return date.getUTCDate() === day;
}
