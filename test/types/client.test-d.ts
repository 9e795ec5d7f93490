import { describe, expectTypeOf, it } from 'vitest';
import {
  createCartClient,
  type BillingCycle,
  type Cart,
  type CartClientError,
  type CartLineItem,
  type CartUpdate,
  type ParticipantType,
  type PartnerCenterError,
} from '../../src/index.js';

const client = createCartClient({ credential: 'token' });
const customerId = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
const cartId = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
const line = { catalogItemId: 'A:1:2', quantity: 1, billingCycle: 'monthly' } as const;

describe('types a consumer sees', () => {
  it('exports precise contract types', () => {
    expectTypeOf<BillingCycle>().toEqualTypeOf<'unknown' | 'monthly' | 'annual' | 'none' | 'one_time' | 'triennial' | 'biennial'>();
    expectTypeOf<ParticipantType>().toEqualTypeOf<
      'unknown' | 'transaction_reseller' | 'consumption_reseller' | 'additional_transaction_reseller'
    >();
    // Read side: open enums (any string), write side: closed.
    expectTypeOf<CartLineItem['billingCycle']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<CartUpdate['lineItems']>[number]['billingCycle']>().toEqualTypeOf<BillingCycle>();
    expectTypeOf<PartnerCenterError['code']>().toEqualTypeOf<number | string>();
    expectTypeOf<CartClientError['kind']>().toEqualTypeOf<
      'validation' | 'api' | 'network' | 'timeout' | 'credential' | 'response' | 'contract'
    >();
  });

  it('types results', () => {
    expectTypeOf(client.getCart(customerId, cartId)).resolves.toEqualTypeOf<Cart>();
    expectTypeOf(client.updateCart(customerId, cartId, { lineItems: [line] })).resolves.toEqualTypeOf<Cart>();
  });

  it('refuses wrong bodies', () => {
    // @ts-expect-error lineItems is required
    void client.updateCart(customerId, cartId, {});
    // @ts-expect-error quantity is a number, not a string
    void client.updateCart(customerId, cartId, { lineItems: [{ ...line, quantity: '2' }] });
    // @ts-expect-error weekly is not a billing cycle
    void client.updateCart(customerId, cartId, { lineItems: [{ ...line, billingCycle: 'weekly' }] });
    // @ts-expect-error catalogItemId is required
    void client.updateCart(customerId, cartId, { lineItems: [{ quantity: 1, billingCycle: 'monthly' }] });
    // @ts-expect-error a misspelt property is not part of the contract
    void client.updateCart(customerId, cartId, { lineItems: [{ ...line, quantty: 2 }] });
    // @ts-expect-error participant keys are closed in requests
    void client.updateCart(customerId, cartId, { lineItems: [{ ...line, participants: [{ key: 'reseller', value: '1' }] }] });
    // @ts-expect-error a cart read from the service has open enums and cannot be sent unchecked
    void client.updateCart(customerId, cartId, {} as Cart);
  });

  it('refuses wrong path parameters', () => {
    // @ts-expect-error ids are strings
    void client.getCart(123, cartId);
    // @ts-expect-error the cart id is required
    void client.getCart(customerId);
    // @ts-expect-error the raw client needs both path parameters
    void client.raw.GET('/v1/customers/{customer-id}/carts/{cart-id}', { params: { path: { 'customer-id': customerId } } });
    // @ts-expect-error the raw client knows only the contract's paths
    void client.raw.GET('/v1/customers/{customer-id}/orders', { params: { path: { 'customer-id': customerId } } });
  });

  it('refuses misuse of results and options', async () => {
    const cart = await client.getCart(customerId, cartId);
    // @ts-expect-error a line at an index may not exist
    void cart.lineItems[0].quantity;
    // @ts-expect-error the id is read-only
    cart.id = cartId;
    // @ts-expect-error quantity is a number
    const quantity: string = cart.lineItems?.[0]?.quantity ?? '';
    void quantity;
    // @ts-expect-error modifyCart has no per-call request id: its GET and PUT are two calls
    void client.modifyCart(customerId, cartId, () => undefined, { requestId: customerId });
    // @ts-expect-error a credential is required
    createCartClient({ baseUrl: 'https://api.partnercenter.microsoft.com' });
    // @ts-expect-error retry counts are numbers
    createCartClient({ credential: 'token', retry: { maxRetries: 'three' } });
  });
});
