import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3, PactV3, PactV4 } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { createCartClient } from '../../src/index.js';
import { m365Line } from '../support/cart-fixtures.js';
import { SECRET_TOKEN, scratchDir, verify, verifyJson } from '../support/traffic.js';

// Pact files written by the real Pact JS library (its Rust core comes from the optional dependency
// @pact-foundation/pact-core-linux-x64-glibc and runs offline), for a consumer that uses this package's client.
const scratch = scratchDir();
afterAll(() => scratch.remove());

const customerId = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
const cartId = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
const cartPath = `/v1/customers/${customerId}/carts/${cartId}`;
const idHeaders = {
  'MS-RequestId': MatchersV3.uuid('4fa6dad6-a89f-4875-8247-8294a10ae1cf'),
  'MS-CorrelationId': MatchersV3.uuid('aaaa0000-bb11-2222-33cc-444444dddddd'),
};
const cart = {
  id: cartId,
  creationTimestamp: '2026-11-01T10:00:00.0000000Z',
  expirationTimestamp: '2026-11-08T10:00:00.0000000Z',
  status: 'Active',
  lineItems: [{ id: 0, ...m365Line, orderGroup: '0', currencyCode: 'USD' }],
};
const update = { lineItems: [{ ...m365Line, quantity: 3 }] };
const json = { 'Content-Type': 'application/json; charset=utf-8' };

function client(baseUrl: string) {
  return createCartClient({ credential: SECRET_TOKEN, baseUrl, retry: false, validateResponses: 'off' });
}

function pactFileIn(dir: string): string {
  const [name] = readdirSync(dir).filter((file) => file.endsWith('.json'));
  if (!name) throw new Error(`Pact wrote no file into ${dir}`);
  return join(dir, name);
}

async function writeV3Pact(): Promise<string> {
  const dir = join(scratch.dir, 'v3');
  const pact = new PactV3({ consumer: 'cart-consumer', provider: 'partner-center-carts', dir, logLevel: 'error' });
  pact
    .given('Active')
    .uponReceiving('a read of an active cart')
    .withRequest({ method: 'GET', path: cartPath, headers: { Authorization: `Bearer ${SECRET_TOKEN}`, ...idHeaders } })
    .willRespondWith({ status: 200, headers: { ...json, ...idHeaders }, body: MatchersV3.like(cart) });
  await pact.executeTest(async (server) => {
    await client(server.url).getCart(customerId, cartId);
  });
  // One interaction per mock server run; Pact merges them into one file.
  pact
    .given('CartNotFound')
    .uponReceiving('a read of a cart that does not exist')
    .withRequest({ method: 'GET', path: `/v1/customers/${customerId}/carts/00000000-0000-4000-8000-000000000000` })
    .willRespondWith({
      status: 404,
      headers: json,
      body: { code: 800008, description: 'The cart could not be found.', data: [], source: 'PartnerFD' },
    });
  await pact.executeTest(async (server) => {
    await expect(client(server.url).getCart(customerId, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });
  return pactFileIn(dir);
}

async function writeV4Pact(): Promise<string> {
  const dir = join(scratch.dir, 'v4');
  const pact = new PactV4({ consumer: 'cart-consumer', provider: 'partner-center-carts', dir, logLevel: 'error' });
  await pact
    .addInteraction()
    .given('Reservation')
    .uponReceiving('an update of an active cart')
    .withRequest('PUT', cartPath, (request) => {
      request.headers({ Authorization: `Bearer ${SECRET_TOKEN}`, 'Content-Type': 'application/json', ...idHeaders }).jsonBody(update);
    })
    .willRespondWith(201, (response) => {
      response.headers({ ...json, ...idHeaders }).jsonBody({ ...cart, lineItems: [{ ...cart.lineItems[0], quantity: 3 }] });
    })
    .executeTest(async (server) => {
      await client(server.url).updateCart(customerId, cartId, update as never);
    });
  return pactFileIn(dir);
}

describe('Pact files from the real Pact JS library', () => {
  it('v3: a consumer of this API verifies clean, and the token in the file is never printed', async () => {
    const file = await writeV3Pact();
    expect(readFileSync(file, 'utf8')).toContain(SECRET_TOKEN);
    const run = await verify('--coverage', file);
    expect(run.stdout).toContain('(Pact v3, 2 interactions): conforms');
    expect(run.stdout).toMatch(/200 +seen +1; scenarios seen: Active/);
    expect(run.stdout).toMatch(/404 +seen +1; scenarios seen: CartNotFound/);
    expect(run.stdout + run.stderr).not.toContain(SECRET_TOKEN);
    expect(run.exitCode, run.stdout).toBe(0);
  });

  it('v4: a consumer of this API verifies clean; the same file broken does not', async () => {
    const file = await writeV4Pact();
    expect(
      (JSON.parse(readFileSync(file, 'utf8')) as { metadata: { pactSpecification: { version: string } } }).metadata.pactSpecification
        .version,
    ).toMatch(/^4/);
    const clean = await verifyJson(file);
    expect(clean.errors).toEqual([]);
    expect(clean.exitCode).toBe(0);

    const document = JSON.parse(readFileSync(file, 'utf8')) as {
      interactions: Array<{ response: { status: number; body: { content: { lineItems: Array<Record<string, unknown>> } } } }>;
    };
    const [interaction] = document.interactions;
    if (!interaction) throw new Error('the v4 Pact has no interaction');
    (interaction.response.body.content.lineItems[0] as Record<string, unknown>).billingCycle = 7;
    const broken = await verifyJson(scratch.write('broken-v4.json', document));
    expect(broken.exitCode).toBe(1);
    expect(broken.errors).toEqual([
      expect.objectContaining({
        location: 'interaction 0: response body lineItems[0].billingCycle',
        path: 'lineItems[0].billingCycle',
        rule: 'type',
        value: '7',
      }),
    ]);
  });

  it('v2: relative paths and string queries are read, an undeclared status is caught', async () => {
    const v2 = {
      consumer: { name: 'old-consumer' },
      provider: { name: 'partner-center-carts' },
      interactions: [
        {
          description: 'a read of an active cart',
          providerState: 'Active',
          request: {
            method: 'GET',
            path: cartPath,
            query: 'expand=lineItems',
            headers: { Authorization: `Bearer ${SECRET_TOKEN}`, 'MS-RequestId': '4fa6dad6-a89f-4875-8247-8294a10ae1cf' },
          },
          response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: cart },
        },
        {
          description: 'CartNotFound',
          request: {
            method: 'GET',
            path: cartPath,
            headers: { Authorization: `Bearer ${SECRET_TOKEN}`, 'MS-RequestId': '4fa6dad6-a89f-4875-8247-8294a10ae1cf' },
          },
          // No Content-Type declared: a body written as a JSON value is still JSON.
          response: { status: 404, body: { code: 800008, description: 'The cart could not be found.' } },
        },
        {
          description: 'a teapot',
          request: {
            method: 'GET',
            path: cartPath,
            headers: { Authorization: `Bearer ${SECRET_TOKEN}`, 'MS-RequestId': '4fa6dad6-a89f-4875-8247-8294a10ae1cf' },
          },
          response: { status: 418 },
        },
      ],
      metadata: { pactSpecification: { version: '2.0.0' } },
    };
    const result = await verifyJson(scratch.write('v2.json', v2));
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      expect.objectContaining({ location: 'interaction 2: response status', rule: 'undeclared-status', value: '418' }),
    ]);
  });
});
