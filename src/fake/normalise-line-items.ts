import { isJsonObject, type FakeLineItem, type JsonObject } from './cart-model.js';

/** What the server fills in on every line item it accepts. */
export interface LineItemDefaults {
  currencyCode: string;
  orderGroup: string;
}

/**
 * Fills what the server owns on validated line items: an integer id when missing (the lowest one not
 * used in the same list), the currency and order group. The client's `error` is dropped because only
 * the server reports line problems; unknown properties are kept.
 */
export function normaliseLineItems(items: readonly JsonObject[], defaults: LineItemDefaults): FakeLineItem[] {
  const used = new Set(items.map((item) => item.id).filter((id): id is number => typeof id === 'number'));
  let nextId = 0;
  const takeId = (): number => {
    while (used.has(nextId)) nextId++;
    used.add(nextId);
    return nextId;
  };
  return items.map((item) => {
    const { error: _clientError, ...kept } = item;
    const addonItems = Array.isArray(kept.addonItems)
      ? normaliseLineItems(kept.addonItems.filter(isJsonObject), defaults)
      : kept.addonItems;
    return {
      ...kept,
      id: typeof kept.id === 'number' ? kept.id : takeId(),
      catalogItemId: String(kept.catalogItemId),
      quantity: Number(kept.quantity),
      billingCycle: String(kept.billingCycle),
      currencyCode: typeof kept.currencyCode === 'string' ? kept.currencyCode : defaults.currencyCode,
      orderGroup: typeof kept.orderGroup === 'string' ? kept.orderGroup : defaults.orderGroup,
      ...(addonItems === undefined ? {} : { addonItems }),
    };
  });
}
