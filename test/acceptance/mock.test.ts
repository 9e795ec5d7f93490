import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPrism, startCartMock, startPrism } from '../../src/mock/index.js';
import { isProcessAlive } from '../support/processes.js';
import { acceptedBodies, CUSTOMER_ID, DOCS_CART_ID } from './accepted-bodies.js';
import { refusedBodies } from './refused-bodies.js';

/*
 * The corpus through the mock `partner-center-cart-mock` runs: real Prism behind the normalising front. Prism alone
 * judges bodies by the canonical schema; the front makes the mock accept what the service accepts.
 */

const specPath = resolve('generated/openapi.json');
const cartPath = `/v1/customers/${CUSTOMER_ID}/carts/${DOCS_CART_ID}`;

async function put(baseUrl: string, body: unknown): Promise<{ status: number; violations: string | null }> {
  const response = await fetch(`${baseUrl}${cartPath}`, {
    method: 'PUT',
    headers: { Authorization: 'Bearer corpus-token', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { status: response.status, violations: response.headers.get('sl-violations') };
}

describe('the cart mock (Prism behind the service-acceptance front)', () => {
  let mock: RunningPrism;
  beforeAll(async () => {
    mock = await startCartMock({ specPath });
  }, 60_000);
  afterAll(async () => {
    await mock.stop();
    expect(isProcessAlive(mock.pid)).toBe(false);
  });

  it.each(acceptedBodies)('accepts $name', async (entry) => {
    const { status, violations } = await put(mock.url, entry.body);
    expect(violations).toBeNull();
    expect(status).toBe(200);
  });

  it.each(refusedBodies)('refuses $name', async (entry) => {
    const { status, violations } = await put(mock.url, entry.body);
    expect(status).toBe(400);
    expect(violations).not.toBeNull();
  });

  it('passes GET through untouched', async () => {
    const response = await fetch(`${mock.url}${cartPath}`, { headers: { Authorization: 'Bearer corpus-token' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: expect.any(String), lineItems: expect.any(Array) });
  });
});

describe('Prism without the front', () => {
  it('refuses the PascalCase bodies the service accepts: the front is what makes the mock lenient', async () => {
    const prism = await startPrism({ specPath });
    try {
      const pascalCase = acceptedBodies.filter((entry) => entry.strict === 'refuses');
      expect(pascalCase.length).toBeGreaterThan(0);
      for (const entry of pascalCase) expect((await put(prism.url, entry.body)).status, entry.name).toBe(400);
    } finally {
      await prism.stop();
    }
  }, 60_000);
});
