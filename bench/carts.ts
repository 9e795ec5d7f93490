import type { Cart, CartUpdate, CartLineItemUpdate } from '../src/index.js';

/*
 * The carts every benchmark sends: shaped like the contract's examples (a base line with an add-on, participants of
 * an indirect reseller), so the validator walks every nested schema it would meet in real use.
 */

export const CUSTOMER_ID = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
export const CART_ID = '1d9f3e07-7e5c-4c8a-9a0f-0f3c2c6a1b22';
/** A fake bearer token; the loopback server never checks it. */
export const TOKEN = 'bench-token';

function lineItem(index: number): CartLineItemUpdate {
  return {
    id: index,
    catalogItemId: 'CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ',
    friendlyName: 'Azure Active Directory Premium P1',
    quantity: 1 + (index % 50),
    billingCycle: 'monthly',
    termDuration: 'P1Y',
    participants: [
      { key: 'transaction_reseller', value: '517285' },
      { key: 'additional_transaction_reseller', value: '5357564' },
    ],
    addonItems: [
      {
        id: index + 100_000,
        catalogItemId: 'CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P',
        friendlyName: 'AI Builder Capacity add-on',
        quantity: 1,
        billingCycle: 'monthly',
        termDuration: 'P1M',
      },
    ],
  };
}

/** A valid `CartUpdate` with `lines` line items, each with one add-on and two participants. */
export function cartWithLines(lines: number): CartUpdate {
  return { id: CART_ID, partnerOnRecordAttestationAccepted: true, lineItems: Array.from({ length: lines }, (_, index) => lineItem(index)) };
}

/** The cart the loopback server answers every PUT with, as the service would return the one-line update. */
export function answeredCart(): Cart {
  return {
    id: CART_ID,
    creationTimestamp: '2026-11-20T09:12:44.5120831Z',
    lastModifiedTimestamp: '2026-11-20T09:20:03.0044112Z',
    expirationTimestamp: '2026-11-27T09:12:44.5120831Z',
    lastModifiedUser: '2713ccd7-ea3b-470a-9cfb-451d5d0482cc',
    lineItems: [
      {
        id: 0,
        catalogItemId: 'CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ',
        friendlyName: 'Azure Active Directory Premium P1',
        quantity: 1,
        currencyCode: 'USD',
        billingCycle: 'monthly',
        termDuration: 'P1Y',
        participants: [{ key: 'transaction_reseller', value: '517285' }],
        addonItems: [
          {
            id: 1,
            catalogItemId: 'CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P',
            quantity: 1,
            currencyCode: 'USD',
            billingCycle: 'monthly',
            termDuration: 'P1M',
          },
        ],
        provisioningContext: {},
        orderGroup: '0',
      },
    ],
    status: 'Active',
    links: { self: { uri: `/customers/${CUSTOMER_ID}/carts/${CART_ID}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Cart' },
  };
}
