import { acceptCartUpdateAsService } from '../validation/service-acceptance.js';
import { isJsonObject, type JsonObject } from './cart-model.js';

/*
 * The fake accepts what Partner Center accepts: the body is judged by the package's service-acceptance function (the
 * tables and validator generated from the spec, so the fake follows every spec change without a second copy of the
 * rules, and runs from `dist/` without the spec or a schema compiler). A PascalCase body, `OneTime`, nulls for unset
 * optional properties and zone-less date-times are read as the service reads them, and the fake keeps the cart in
 * that canonical camelCase form. Only what a schema cannot say is checked here by hand: the body's id against the URL,
 * and line ids unique within their list. Unknown properties are never problems and are kept.
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

function checkCart(cart: JsonObject, pathCartId: string): string | undefined {
  if (cart.id !== undefined && (typeof cart.id !== 'string' || cart.id.toLowerCase() !== pathCartId.toLowerCase())) {
    return `id must be omitted or equal the cart id in the URL (${pathCartId}) (got ${describe(cart.id)})`;
  }
  return duplicateLineId(cart.lineItems, 'lineItems');
}

/** A PUT body the fake accepts, as the service reads it, or why it does not. */
export type CartBodyReading = { cart: JsonObject; problem?: undefined } | { cart?: undefined; problem: string };

/**
 * Reads a PUT body for the cart `pathCartId` as the service does: the cart in canonical camelCase, or why it is
 * refused, naming the field as it was sent.
 */
export function acceptCartBody(body: unknown, pathCartId: string): CartBodyReading {
  if (!isJsonObject(body)) return { problem: `The request body must be a JSON object (a Cart), got ${describe(body)}.` };
  const accepted = acceptCartUpdateAsService(body);
  const problem = accepted.violations[0]?.message ?? (isJsonObject(accepted.cart) ? checkCart(accepted.cart, pathCartId) : undefined);
  if (problem !== undefined || !isJsonObject(accepted.cart)) return { problem: `${problem ?? 'The request body must be a Cart'}.` };
  return { cart: accepted.cart };
}
