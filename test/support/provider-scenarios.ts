import { randomUUID } from 'node:crypto';
import type { FakeCartService } from '../../src/fake/index.js';
import { activeCart, updateBody } from './cart-fixtures.js';
import type { CartDriver, DriverResponse } from './cart-driver.js';

/** Options the fake must run with for every scenario below. */
export const PROVIDER_FAKE_OPTIONS = {
  concurrency: 'refuse',
  updateDelayMs: 50,
  acceptToken: (token: string) => token !== 'revoked-token',
} as const;

export interface ProviderScenario {
  name: string;
  /** Sets up the fake and makes the call(s) through `api`. */
  run(fake: FakeCartService, api: CartDriver): Promise<DriverResponse[]>;
  /** The statuses expected, in the order of the responses (sorted when the calls race). */
  statuses: number[];
  /** The Partner Center error code expected in the last response, if it is an error. */
  code?: number;
  sortStatuses?: boolean;
}

const seeded = (fake: FakeCartService, overrides: Parameters<typeof activeCart>[0] = {}): { customerId: string; id: string } => {
  const cart = activeCart(overrides);
  fake.seedCart(cart);
  return cart;
};

/** Every documented behaviour of the cart API, as calls a provider check can replay through any driver. */
export const providerScenarios: ProviderScenario[] = [
  {
    name: 'GET a cart → 200 with request and correlation ids echoed',
    statuses: [200],
    run: async (fake, api) => {
      const cart = seeded(fake);
      return [await api.getCart(cart.customerId, cart.id, { requestId: randomUUID(), correlationId: randomUUID() })];
    },
  },
  {
    name: 'PUT an update → 201 with the updated cart',
    statuses: [201],
    run: async (fake, api) => {
      const cart = seeded(fake);
      return [await api.updateCart(cart.customerId, cart.id, updateBody(4), { requestId: randomUUID() })];
    },
  },
  {
    name: 'GET, change, PUT back with the server-owned fields → 200 then 201',
    statuses: [200, 201],
    run: async (fake, api) => {
      const cart = seeded(fake);
      const read = await api.getCart(cart.customerId, cart.id);
      const body = read.body as { lineItems: Array<Record<string, unknown>> };
      const changed = { ...body, lineItems: body.lineItems.map((line) => ({ ...line, quantity: 5 })) };
      return [read, await api.updateCart(cart.customerId, cart.id, changed)];
    },
  },
  {
    name: 'GET an unknown cart → 404 / 800008',
    statuses: [404],
    code: 800008,
    run: async (fake, api) => [await api.getCart(seeded(fake).customerId, randomUUID())],
  },
  {
    name: 'GET a cart of an unknown customer → 404 / 800008',
    statuses: [404],
    code: 800008,
    run: async (fake, api) => [await api.getCart(randomUUID(), seeded(fake).id)],
  },
  {
    name: 'PUT an expired cart → 404 / 800008',
    statuses: [404],
    code: 800008,
    run: async (fake, api) => {
      const cart = seeded(fake, { creationTimestamp: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) });
      return [await api.updateCart(cart.customerId, cart.id, updateBody(2))];
    },
  },
  {
    name: 'PUT an Ordered cart → 400 / 800065',
    statuses: [400],
    code: 800065,
    run: async (fake, api) => {
      const cart = seeded(fake, { status: 'Ordered' });
      return [await api.updateCart(cart.customerId, cart.id, updateBody(2))];
    },
  },
  {
    name: 'PUT a body whose id names another cart → 400 / 800002',
    statuses: [400],
    code: 800002,
    run: async (fake, api) => {
      const cart = seeded(fake);
      return [await api.updateCart(cart.customerId, cart.id, updateBody(2, { id: randomUUID() }))];
    },
  },
  {
    name: 'PUT with a token the service does not accept → 401 / 800001',
    statuses: [401],
    code: 800001,
    run: async (fake, api) => {
      const cart = seeded(fake);
      return [await api.updateCart(cart.customerId, cart.id, updateBody(2), { token: 'revoked-token' })];
    },
  },
  {
    name: 'two overlapping PUTs of one cart → one 201, one 409 / 800064',
    statuses: [201, 409],
    sortStatuses: true,
    run: async (fake, api) => {
      const cart = seeded(fake);
      return Promise.all([
        api.updateCart(cart.customerId, cart.id, updateBody(2)),
        api.updateCart(cart.customerId, cart.id, updateBody(3)),
      ]);
    },
  },
  {
    name: 'throttled → 429 with Retry-After',
    statuses: [429],
    run: async (fake, api) => {
      const cart = seeded(fake);
      fake.injectFaults({ status: 429, retryAfterSeconds: 1 });
      return [await api.getCart(cart.customerId, cart.id)];
    },
  },
  {
    name: 'service unavailable → 503',
    statuses: [503],
    run: async (fake, api) => {
      const cart = seeded(fake);
      fake.injectFaults({ status: 503, method: 'PUT' });
      return [await api.updateCart(cart.customerId, cart.id, updateBody(2))];
    },
  },
];
