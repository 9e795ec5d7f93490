import { CartValidationError, type CartViolation } from '../errors/index.js';

/** Deeper than any cart the contract describes (a line, its add-ons' add-ons, their participants): refused as an error. */
export const MAX_BODY_DEPTH = 64;

/** Where the contract types `date-time`: on the cart, and on each line and add-on line. */
const CART_DATE_TIMES = ['creationTimestamp', 'lastModifiedTimestamp', 'expirationTimestamp'];
const LINE_DATE_TIMES = ['customTermEndDate'];
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
      : (findTooDeep(value) ?? findImpossibleDate(value));
  if (violation) throw new CartValidationError([violation]);
  return { text: text as string, value };
}

/** The first node deeper than `MAX_BODY_DEPTH`, walked without recursion (JSON.parse takes any depth, Ajv does not). */
function findTooDeep(root: unknown): CartViolation | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.node !== 'object' || item.node === null) continue;
    if (item.depth >= MAX_BODY_DEPTH) {
      return { path: '', rule: 'depth', message: `the cart is nested deeper than ${MAX_BODY_DEPTH} levels`, value: undefined };
    }
    for (const child of Object.values(item.node)) stack.push({ node: child, depth: item.depth + 1 });
  }
  return undefined;
}

/** The first date-time the contract types that is not a real calendar date (the format check is a pattern). */
function findImpossibleDate(cart: unknown): CartViolation | undefined {
  const lines: { line: unknown; path: string }[] = [];
  const record = asRecord(cart);
  const found = record && dateIn(record, CART_DATE_TIMES, '');
  if (found) return found;
  for (const [index, line] of arrayAt(record, 'lineItems').entries()) lines.push({ line, path: `lineItems[${index}]` });
  for (let item = lines.pop(); item !== undefined; item = lines.pop()) {
    const line = asRecord(item.line);
    if (!line) continue;
    const inLine = dateIn(line, LINE_DATE_TIMES, `${item.path}.`);
    if (inLine) return inLine;
    for (const [index, addOn] of arrayAt(line, 'addonItems').entries())
      lines.push({ line: addOn, path: `${item.path}.addonItems[${index}]` });
  }
  return undefined;
}

function dateIn(record: Record<string, unknown>, names: readonly string[], prefix: string): CartViolation | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && !isCalendarDate(value)) {
      return { path: `${prefix}${name}`, rule: 'format', message: `${prefix}${name} must be a real calendar date`, value };
    }
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function arrayAt(record: Record<string, unknown> | undefined, name: string): unknown[] {
  const value = record?.[name];
  return Array.isArray(value) ? value : [];
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
