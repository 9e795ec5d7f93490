import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCartClient } from '../../src/client/create-cart-client.js';
import { CartValidationError } from '../../src/errors/index.js';
import type { CartUpdate } from '../../src/types.js';

/*
 * modifyCart puts back what the service returned even where the strict contract would refuse it in a fresh body, and
 * still checks strictly what the caller changed. A real loopback server plays Partner Center: it answers GET with a
 * cart carrying a billing cycle this contract does not know, zone-less timestamps and a server-set field in a shape
 * the request schema refuses, and records every PUT body.
 */

const customerId = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
const cartId = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';

const returnedCart = {
  id: cartId,
  creationTimestamp: '2024-05-01T10:00:00', // no zone
  lastModifiedTimestamp: '2024-05-01T10:00:00.1234567',
  expirationTimestamp: '0001-01-01T00:00:00',
  lastModifiedUser: '2713ccd7-ea3b-470a-9cfb-451d5d0482cc',
  status: 'Active',
  lineItems: [
    { id: 0, catalogItemId: 'CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P', quantity: 1, billingCycle: 'monthly', currencyCode: 'USD' },
    {
      id: 1,
      catalogItemId: 'CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ',
      quantity: 2,
      billingCycle: 'quarterly', // a response-only value this contract does not know yet
      customTermEndDate: '2025-02-19T00:00:00', // no zone
      error: { errorCode: 'invalid_promotion_id', errorDescription: 'The promotion has ended.' }, // server-set, string code
    },
  ],
  links: { self: { uri: `/customers/${customerId}/carts/${cartId}`, method: 'GET', headers: [] } },
  attributes: { objectType: 'Cart' },
};

describe('modifyCart round-trips what the service returned', () => {
  let server: Server;
  let baseUrl: string;
  const puts: Array<{ lineItems: Array<Record<string, unknown>> } & Record<string, unknown>> = [];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const reply = (status: number, body: unknown): void => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'GET') return reply(200, returnedCart);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      puts.push(body);
      return reply(201, body);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  beforeEach(() => {
    puts.length = 0;
  });

  const client = () => createCartClient({ baseUrl, credential: 'token', retry: false });

  it('puts the cart back after a quantity change, the unknown billing cycle, zone-less timestamps and server-set error unchanged', async () => {
    await client().modifyCart(customerId, cartId, (draft) => {
      const line = draft.lineItems[0];
      if (line) line.quantity = 5;
    });
    expect(puts).toHaveLength(1);
    expect(puts[0]?.lineItems[0]?.quantity).toBe(5);
    expect(puts[0]).toEqual({ ...returnedCart, lineItems: [{ ...returnedCart.lineItems[0], quantity: 5 }, returnedCart.lineItems[1]] });
  });

  it('still lets the caller drop a line: the others are matched by id, not by position', async () => {
    await client().modifyCart(customerId, cartId, (draft) => {
      draft.lineItems.splice(0, 1);
    });
    expect(puts[0]?.lineItems).toEqual([returnedCart.lineItems[1]]);
  });

  it('checks strictly what the caller changed: a quantity of 0 is refused and nothing is sent', async () => {
    const error = await client()
      .modifyCart(customerId, cartId, (draft) => {
        const line = draft.lineItems[0];
        if (line) line.quantity = 0;
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CartValidationError);
    expect((error as CartValidationError).violations).toEqual([
      expect.objectContaining({ path: 'lineItems[0].quantity', rule: 'minimum' }),
    ]);
    expect(puts).toHaveLength(0);
  });

  it("refuses the unknown billing cycle on a line the caller added, and a changed one on the service's line", async () => {
    const added = await client()
      .modifyCart(customerId, cartId, (draft) => {
        const update = draft as unknown as CartUpdate;
        update.lineItems.push({ catalogItemId: 'CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ', quantity: 1, billingCycle: 'quarterly' as 'monthly' });
      })
      .catch((caught: unknown) => caught);
    expect((added as CartValidationError).violations).toEqual([
      expect.objectContaining({ path: 'lineItems[2].billingCycle', rule: 'enum' }),
    ]);

    const changed = await client()
      .modifyCart(customerId, cartId, (draft) => {
        const line = draft.lineItems[1];
        if (line) line.billingCycle = 'weekly';
      })
      .catch((caught: unknown) => caught);
    expect((changed as CartValidationError).violations).toEqual([
      expect.objectContaining({ path: 'lineItems[1].billingCycle', rule: 'enum' }),
    ]);
    expect(puts).toHaveLength(0);
  });

  it('updateCart keeps the strict check: the same cart sent as a fresh body is refused', async () => {
    await expect(client().updateCart(customerId, cartId, returnedCart as unknown as CartUpdate)).rejects.toBeInstanceOf(
      CartValidationError,
    );
    expect(puts).toHaveLength(0);
  });
});
