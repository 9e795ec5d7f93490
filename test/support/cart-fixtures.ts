import { randomUUID } from 'node:crypto';
import type { SeedCartInput, SeedLineItem } from '../../src/fake/index.js';

export const m365Line: SeedLineItem = {
  catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB',
  friendlyName: 'Microsoft 365 E3',
  quantity: 2,
  billingCycle: 'monthly',
  termDuration: 'P1Y',
};

export const reservationLine: SeedLineItem = {
  catalogItemId: 'DZH318Z0BQ3Q:0007:DZH318Z0BWZD',
  quantity: 1,
  billingCycle: 'one_time',
  termDuration: 'P1Y',
  provisioningContext: { subscriptionId: randomUUID(), scope: 'shared', duration: '1Year' },
};

/** A seedable cart for a new customer (both ids fresh GUIDs). */
export function activeCart(overrides: Partial<SeedCartInput> = {}): SeedCartInput & { id: string } {
  return { customerId: randomUUID(), id: randomUUID(), lineItems: [m365Line], ...overrides };
}

/** A valid PUT body that changes the quantity (and so is visible in the stored cart). */
export function updateBody(quantity: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { lineItems: [{ ...m365Line, quantity }], ...extra };
}
