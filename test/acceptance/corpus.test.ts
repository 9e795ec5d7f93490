import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { findCartUpdateViolations } from '../../src/validation/check-request.js';
import { acceptedBodies } from './accepted-bodies.js';
import { refusedBodies } from './refused-bodies.js';

/*
 * The real-traffic corpus through every judge of incoming traffic: the strict check (what this package's client
 * sends; unchanged), the service-acceptance function, and the fake over HTTP. The mock has its own test
 * (mock.test.ts) because it needs Prism.
 */

const bodyCartId = (body: unknown): string | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const id = record.id ?? record.Id;
  return typeof id === 'string' ? id : undefined;
};

describe('the corpus', () => {
  it('holds at least 20 accepted and 15 refused bodies, each naming its source file', () => {
    expect(acceptedBodies.length).toBeGreaterThanOrEqual(20);
    expect(refusedBodies.length).toBeGreaterThanOrEqual(15);
    for (const entry of [...acceptedBodies, ...refusedBodies]) {
      expect(entry.source.repository, entry.name).toMatch(/\//);
      expect(entry.source.path, entry.name).toMatch(/\.(cs|java|md)$/);
    }
  });
});

describe.each(acceptedBodies)('accepted: $name', (entry) => {
  it(`the strict check ${entry.strict} it, as before`, () => {
    const violations = findCartUpdateViolations(entry.body);
    if (entry.strict === 'accepts') expect(violations).toEqual([]);
    else expect(violations).not.toEqual([]);
  });

  it("findCartUpdateViolations(body, { as: 'service' }) finds nothing", () => {
    expect(findCartUpdateViolations(entry.body, { as: 'service' })).toEqual([]);
  });
});

describe.each(refusedBodies)('refused: $name', (entry) => {
  it('the strict check refuses it', () => {
    expect(findCartUpdateViolations(entry.body)).not.toEqual([]);
  });

  it(`the service check names ${entry.path || 'the body'} (${entry.rule}) as sent`, () => {
    const violations = findCartUpdateViolations(entry.body, { as: 'service' });
    expect(violations).toContainEqual(expect.objectContaining({ path: entry.path, rule: entry.rule }));
    for (const violation of violations) expect(violation.message).toContain(violation.path || 'the cart');
  });
});

describe('the fake over HTTP', () => {
  let fake: FakeCartService;
  beforeAll(async () => {
    fake = await startFakeCartService();
  });
  afterAll(async () => {
    await fake.stop();
  });

  async function put(body: unknown): Promise<{ status: number; json: Record<string, unknown>; cartUrl: string }> {
    const customerId = randomUUID();
    const { id } = fake.seedCart({
      customerId,
      id: bodyCartId(body) ?? randomUUID(),
      lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' }],
    });
    const cartUrl = `${fake.url}/v1/customers/${customerId}/carts/${id}`;
    const response = await fetch(cartUrl, {
      method: 'PUT',
      headers: { Authorization: 'Bearer corpus-token', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown>, cartUrl };
  }

  it.each(acceptedBodies)('accepts $name and stores it in canonical camelCase', async (entry) => {
    const { status, json, cartUrl } = await put(entry.body);
    expect(status, JSON.stringify(json)).toBe(201);
    const lines = json.lineItems as Array<Record<string, unknown>>;
    expect(lines[0]).toMatchObject(entry.expectedFirstLine);
    for (const key of [...Object.keys(json), ...Object.keys(lines[0] ?? {})])
      expect(key, 'a property name the fake answered').toMatch(/^[a-z]/);
    const read = await fetch(cartUrl, { headers: { Authorization: 'Bearer corpus-token' } });
    expect(await read.json()).toEqual(json);
  });

  it("refuses a PascalCase Id that is not the URL's cart id, naming it", async () => {
    const customerId = randomUUID();
    const { id } = fake.seedCart({
      customerId,
      lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' }],
    });
    const other = randomUUID();
    const response = await fetch(`${fake.url}/v1/customers/${customerId}/carts/${id}`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer corpus-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        Id: other,
        LineItems: [{ CatalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', Quantity: 2, BillingCycle: 'Monthly' }],
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { description: string }).description).toContain(
      `id must be omitted or equal the cart id in the URL (${id}) (got "${other}")`,
    );
  });

  it.each(refusedBodies)('refuses $name with 400 naming the field', async (entry) => {
    const { status, json } = await put(entry.body);
    expect(status).toBe(400);
    expect(String(json.description)).toContain(entry.path || 'JSON object');
  });
});
