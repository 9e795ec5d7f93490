import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_VARIANTS, startFakeCartService, type BrokenVariant, type FakeCartService } from '../../src/fake/index.js';
import { startPrism, type RunningPrism } from '../../src/mock/prism.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';
import { fetchCartDriver, type CartDriver, type DriverResponse } from '../support/cart-driver.js';
import { clientCartDriver } from '../support/client-driver.js';
import { contractViolations } from '../support/contract-violations.js';
import { PROVIDER_FAKE_OPTIONS, providerScenarios } from '../support/provider-scenarios.js';

// The fake is the implementation under test; Prism's validation proxy sits in front of it and checks
// every request and response against the bundled spec. Every scenario runs twice: with raw fetch, which sends
// exactly what the scenario says, and with our typed client, which must keep the contract in both directions too.
let fake: FakeCartService;
let proxy: RunningPrism;

beforeAll(async () => {
  fake = await startFakeCartService(PROVIDER_FAKE_OPTIONS);
  proxy = await startPrism({ specPath: resolve('generated/openapi.json'), mode: 'proxy', upstream: fake.url, errors: true });
});
afterEach(() => {
  fake.setBrokenVariant(undefined);
  fake.clearFaults();
});
afterAll(async () => {
  await proxy?.stop();
  await fake?.stop();
});

const drivers: Array<{ name: string; create: (baseUrl: string) => CartDriver }> = [
  { name: 'raw fetch', create: fetchCartDriver },
  { name: 'the typed client', create: clientCartDriver },
];

/** With the client driver, the error the client threw must say what the wire said. */
function expectClientAgrees(response: DriverResponse): void {
  if (!response.apiError) return;
  const body = response.body as { code?: unknown; description?: unknown };
  expect(response.apiError).toMatchObject({ kind: 'api', status: response.status, code: body.code, description: body.description });
}

describe.each(drivers)('provider contract, driven with $name', ({ create }) => {
  let api: CartDriver;
  beforeAll(() => {
    api = create(proxy.url);
  });

  describe('the fake cart service through prism proxy --errors', () => {
    it.each(providerScenarios)('$name', async (scenario) => {
      const responses = await scenario.run(fake, api);
      for (const response of responses) expect(contractViolations(response), `Prism's verdict on a ${response.status}`).toEqual([]);
      for (const response of responses) expectClientAgrees(response);
      const statuses = responses.map((response) => response.status);
      expect(scenario.sortStatuses ? [...statuses].sort() : statuses).toEqual(scenario.statuses);
      if (scenario.code !== undefined) expect(responses.at(-1)?.body).toMatchObject({ code: scenario.code });
    });

    it('passes the request and correlation ids through both ways', async () => {
      const cart = activeCart();
      fake.seedCart(cart);
      const requestId = crypto.randomUUID();
      const correlationId = crypto.randomUUID();
      const response = await api.updateCart(cart.customerId, cart.id, updateBody(3), { requestId, correlationId });
      expect(response.status).toBe(201);
      expect(response.headers.get('ms-requestid')).toBe(requestId);
      expect(response.headers.get('ms-correlationid')).toBe(correlationId);
    });
  });

  describe('deliberately broken variants of the fake are caught', () => {
    const caughtAs: Record<BrokenVariant, RegExp> = {
      'wrong-field-type': /lineItems\.0\.quantity: .*must be integer/,
      'missing-required-field': /lineItems\.0: .*must have required property 'catalogItemId'/,
      'undeclared-success-status': /Unable to match the returned status code/,
      'undeclared-error-status': /Warning response: Unable to match the returned status code/,
      'wrong-content-type': /media type "text\/plain; charset=utf-8" does not match/,
    };

    it('has a check for every broken variant', () => {
      expect(Object.keys(caughtAs).sort()).toEqual([...BROKEN_VARIANTS].sort());
    });

    it.each(BROKEN_VARIANTS)('%s', async (variant) => {
      const cart = activeCart();
      fake.seedCart(cart);
      fake.setBrokenVariant(variant);
      for (const response of [await api.getCart(cart.customerId, cart.id), await api.updateCart(cart.customerId, cart.id, updateBody(2))]) {
        const violations = contractViolations(response);
        expect(violations.join('\n')).toMatch(caughtAs[variant]);
        // Errors become Prism's 500 problem+json; the undeclared error status passes with a warning only.
        if (variant !== 'undeclared-error-status') expect(response.status).toBe(500);
        expectClientAgrees(response);
      }
    });
  });
});
