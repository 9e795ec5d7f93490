import { findCartUpdateViolations } from '../validation/check-request.js';
import { isJsonObject, type JsonObject } from './cart-model.js';

/*
 * The contract's own rules come from the validators generated from the spec (the same ones the client runs), so the
 * fake follows every spec change without a second copy of the rules; they need neither the spec nor a schema
 * compiler at run time, so the fake also runs from `dist/`. Only what a schema cannot say is checked here by hand:
 * the body's id against the URL, and line ids unique within their list. Unknown properties are never problems.
 */

const describe = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

function duplicateLineId(lineItems: unknown, field: string): string | undefined {
  if (!Array.isArray(lineItems)) return undefined;
  const seenIds = new Set<unknown>();
  for (const [index, item] of lineItems.entries()) {
    if (!isJsonObject(item)) continue;
    const at = `${field}[${index}]`;
    if (item.id !== undefined && seenIds.has(item.id))
      return `${at}.id must be unique within ${field} (${describe(item.id)} is used twice)`;
    seenIds.add(item.id);
    const inAddons = duplicateLineId(item.addonItems, `${at}.addonItems`);
    if (inAddons) return inAddons;
  }
  return undefined;
}

function checkCart(body: JsonObject, pathCartId: string): string | undefined {
  if (body.id !== undefined && (typeof body.id !== 'string' || body.id.toLowerCase() !== pathCartId.toLowerCase())) {
    return `id must be omitted or equal the cart id in the URL (${pathCartId}) (got ${describe(body.id)})`;
  }
  return findCartUpdateViolations(body)[0]?.message ?? duplicateLineId(body.lineItems, 'lineItems');
}

/**
 * Returns why a PUT body is not a valid Cart for the cart `pathCartId`, naming the field, or undefined
 * when it is valid.
 */
export function findCartBodyProblem(body: unknown, pathCartId: string): string | undefined {
  if (!isJsonObject(body)) return `The request body must be a JSON object (a Cart), got ${describe(body)}.`;
  const problem = checkCart(body, pathCartId);
  return problem === undefined ? undefined : `${problem}.`;
}
