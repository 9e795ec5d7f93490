import { CartValidationError } from '../errors/index.js';
import type { CartLineItemUpdate, CartUpdate } from '../types.js';
import { assertCartUpdate } from './check-request.js';

const DATE_PARTS = /^(\d{4})-(\d\d)-(\d\d)/;

/**
 * The JSON text to send for `body`, after the contract's checks when `validate` is on (`assertSendable`: the strict
 * check by default; modifyCart's judges only what the caller changed). It is serialised once and
 * the text parsed back is what gets checked, so a `toJSON()`, a getter or properties on a prototype cannot make
 * the checked body differ from the sent one. A body that is circular, or too deep to serialise or to check (a
 * 5 000-deep add-on chain), is refused with a `CartValidationError`, never a `RangeError`. The contract's
 * date-times must also be real calendar dates, which its format pattern alone cannot say.
 */
export function wireBodyOf(body: unknown, validate: boolean, assertSendable: (value: unknown) => void = assertCartUpdate): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
    if (validate && text !== undefined) {
      const value: unknown = JSON.parse(text);
      assertSendable(value);
      const path = impossibleDatePath(value as CartUpdate);
      if (path)
        throw new CartValidationError([{ path, rule: 'format', message: `${path} must be a real calendar date`, value: undefined }]);
    }
  } catch (error) {
    if (error instanceof CartValidationError) throw error;
    // A RangeError (too deep for the stack) or a TypeError (circular, a BigInt).
    text = undefined;
  }
  if (text === undefined) {
    throw new CartValidationError([
      { path: '', rule: 'type', message: 'the cart must be a JSON object, neither circular nor too deep', value: undefined },
    ]);
  }
  return text;
}

/** Where the contract types date-time (the cart's timestamps, each line's and add-on's customTermEndDate), the first impossible one. */
function impossibleDatePath(cart: CartUpdate): string | undefined {
  const dates: [string, unknown][] = [
    ['creationTimestamp', cart.creationTimestamp],
    ['lastModifiedTimestamp', cart.lastModifiedTimestamp],
    ['expirationTimestamp', cart.expirationTimestamp],
  ];
  const lines: [string, CartLineItemUpdate][] = cart.lineItems.map((line, index) => [`lineItems[${index}]`, line]);
  // Add-ons are appended while the loop runs, so every level of add-ons is visited without recursion.
  for (const [path, line] of lines) {
    dates.push([`${path}.customTermEndDate`, line.customTermEndDate]);
    for (const [index, addOn] of (line.addonItems ?? []).entries()) lines.push([`${path}.addonItems[${index}]`, addOn]);
  }
  return dates.find(([, value]) => typeof value === 'string' && !isCalendarDate(value))?.[0];
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
