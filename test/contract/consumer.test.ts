import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCartUpdate } from '../../generated/validators.js';
import {
  CartValidationError,
  createCartClient,
  PartnerCenterApiError,
  type Cart,
  type CartClient,
  type CartClientOptions,
  type CartUpdate,
} from '../../src/index.js';
import { startPrism, type RunningPrism } from '../../src/mock/prism.js';
import { badCartUpdates, prismRequestViolations, VALID_CART_ID, VALID_CUSTOMER_ID } from '../support/bad-cart-updates.js';
import { forwardingFetch, type ForwardingFetch } from '../support/forwarding-fetch.js';
import {
  BUNDLED_SPEC_PATH,
  CART_PATH,
  documentedStatuses,
  requestExamples,
  spec,
  type DocumentedStatus,
  type NamedExample,
} from '../support/spec-examples.js';

// The consumer side of the contract: our typed client against Prism mocking the bundled spec. Prism answers from
// the spec's examples and validates every request it gets, so a request the client gets wrong shows up as a 400
// with an `sl-violations` header, and an answer the client reads wrong shows up as a mismatch with the example.
let prism: RunningPrism;

beforeAll(async () => {
  prism = await startPrism({ specPath: BUNDLED_SPEC_PATH });
});
afterAll(async () => {
  await prism?.stop();
});

const reservationRequest = requestExamples().find((example) => example.name === 'Reservation')?.value as CartUpdate;

function clientFor(wire: ForwardingFetch, options: Partial<CartClientOptions> = {}): CartClient {
  return createCartClient({ credential: 'mock-token', baseUrl: prism.url, retry: false, fetch: wire.fetch, ...options });
}

function prefer(status: number, example?: string): Record<string, string> {
  return { Prefer: example ? `code=${status}, example=${example}` : `code=${status}` };
}

function callOperation(client: CartClient, documented: DocumentedStatus): Promise<Cart> {
  return documented.operation === 'getCart'
    ? client.getCart(VALID_CUSTOMER_ID, VALID_CART_ID)
    : client.updateCart(VALID_CUSTOMER_ID, VALID_CART_ID, reservationRequest);
}

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => {
      throw new Error(`expected the call to fail, it returned ${JSON.stringify(value).slice(0, 200)}`);
    },
    (error: unknown) => error,
  );
}

/** One case per documented status and named example, plus the status alone (Prism then serves its first example). */
const statusCases = documentedStatuses().flatMap((documented) => {
  const [first] = documented.examples;
  if (!first) throw new Error(`${documented.operation} ${documented.status} has no named example for Prism to serve`);
  return [
    { ...documented, label: `${documented.operation} ${documented.status} (no example named)`, example: undefined, expected: first },
    ...documented.examples.map((example) => ({
      ...documented,
      label: `${documented.operation} ${documented.status} ${example.name}`,
      example: example.name,
      expected: example,
    })),
  ];
});

describe('consumer contract: every documented status and named example through the typed client', () => {
  it('covers both operations and every status of the bundle', () => {
    const covered = new Set(statusCases.map((c) => `${c.method} ${c.status}`));
    const pathItem = spec.paths[CART_PATH] ?? {};
    for (const method of ['get', 'put']) {
      for (const status of Object.keys(pathItem[method]?.responses ?? {})) expect(covered).toContain(`${method.toUpperCase()} ${status}`);
    }
    expect(covered.size).toBe(18);
    expect(
      statusCases
        .filter((c) => c.status < 300)
        .map((c) => c.example)
        .filter(Boolean)
        .sort(),
    ).toEqual([
      'Active',
      'AddonLineItem',
      'AddonLineItem',
      'IndirectReseller',
      'IndirectReseller',
      'LineItemError',
      'LineItemError',
      'Ordered',
      'Reservation',
      'Reservation',
    ]);
  });

  it.each(statusCases)('$label', async ({ status, example, expected, ...documented }) => {
    const wire = forwardingFetch(() => prefer(status, example));
    const client = clientFor(wire);
    if (status < 300) {
      const cart = await callOperation(client, { ...documented, status });
      expect(cart).toEqual(expected.value);
    } else {
      const error = await rejection(callOperation(client, { ...documented, status }));
      expect(error).toBeInstanceOf(PartnerCenterApiError);
      const apiError = error as PartnerCenterApiError;
      const body = expected.value as { code: number | string; description: string; data?: unknown[]; source?: string };
      expect(apiError).toMatchObject({
        kind: 'api',
        status,
        code: body.code,
        description: body.description,
        data: body.data,
        source: body.source,
      });
      const [exchange] = wire.exchanges;
      const headers = exchange?.responseHeaders;
      // Prism serves the response headers' examples rather than echoing the request's ids, and the client reports
      // what the service answered with, so these are the spec's header examples, not the ids that were sent.
      expect(apiError.requestId).toBe(headers?.get('ms-requestid'));
      expect(apiError.requestId).not.toBe(exchange?.requestHeaders.get('ms-requestid'));
      expect(apiError.correlationId).toBe(headers?.get('ms-correlationid'));
      const retryAfter = headers?.get('retry-after');
      expect(apiError.retryAfterMs).toBe(retryAfter ? Number(retryAfter) * 1000 : undefined);
      if (status === 429 || status === 503) expect(retryAfter).toBe('30');
    }
    expect(wire.exchanges.map((e) => e.status)).toEqual([status]);
    // Prism found nothing wrong with the request the client built (headers, ids, body).
    expect(wire.exchanges[0]?.responseHeaders.get('sl-violations')).toBeNull();
  });
});

describe('consumer contract: retries against the mock', () => {
  it('retries a 500 with the same MS-RequestId on every attempt, then reports the last answer', async () => {
    const wire = forwardingFetch(() => prefer(500));
    const client = clientFor(wire, { retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await rejection(client.getCart(VALID_CUSTOMER_ID, VALID_CART_ID));
    expect(error).toBeInstanceOf(PartnerCenterApiError);
    expect(error).toMatchObject({
      status: 500,
      code: (spec.components.examples.Error_Unexpected?.value as { code: unknown } | undefined)?.code,
    });
    expect(wire.exchanges).toHaveLength(3);
    const requestIds = new Set(wire.exchanges.map((e) => e.requestHeaders.get('ms-requestid')));
    expect(requestIds.size).toBe(1);
  });

  it('does not start a Retry-After wait (30 s on the mock) that would end after maxElapsedMs', async () => {
    const wire = forwardingFetch(() => prefer(429));
    const client = clientFor(wire, { retry: { maxRetries: 3, maxElapsedMs: 5_000 } });
    const error = await rejection(client.updateCart(VALID_CUSTOMER_ID, VALID_CART_ID, reservationRequest));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 30_000 });
    expect(wire.exchanges).toHaveLength(1);
  });
});

describe('consumer contract: the named examples validate against the generated validators', () => {
  const successExamples = documentedStatuses()
    .filter((documented) => documented.status < 300)
    .flatMap((documented) =>
      documented.examples.map((example) => ({
        ...documented,
        example,
        label: `${documented.operation} ${documented.status} ${example.name}`,
      })),
    );

  it.each(requestExamples().map((example) => ({ ...example, label: `request ${example.name}` })))(
    '$label is a valid CartUpdate and Prism accepts it as sent by the client',
    async (example: NamedExample) => {
      expect(validateCartUpdate(example.value), JSON.stringify(validateCartUpdate.errors)).toBe(true);
      const wire = forwardingFetch(() => prefer(201));
      const body = example.value as CartUpdate & { id?: string };
      await clientFor(wire).updateCart(VALID_CUSTOMER_ID, body.id ?? VALID_CART_ID, body);
      expect(wire.exchanges[0]?.status).toBe(201);
      expect(wire.exchanges[0]?.responseHeaders.get('sl-violations')).toBeNull();
      expect(JSON.parse(wire.exchanges[0]?.body ?? 'null')).toEqual(example.value);
    },
  );

  it.each(successExamples)(
    '$label as served is a valid CartUpdate and goes back unchanged in a PUT that Prism accepts',
    async ({ operation, method, status, example }) => {
      // GET examples take the documented read-modify-write path (modifyCart); PUT examples are sent back as they came.
      const wire = forwardingFetch((sent) => (sent === method ? prefer(status, example.name) : prefer(200)));
      const client = clientFor(wire);
      let served: Cart;
      if (operation === 'getCart') {
        const seen: Cart[] = [];
        await client.modifyCart(VALID_CUSTOMER_ID, VALID_CART_ID, (cart) => {
          seen.push(structuredClone(cart));
        });
        served = seen[0] as Cart;
      } else {
        served = await client.updateCart(VALID_CUSTOMER_ID, VALID_CART_ID, reservationRequest);
        await client.updateCart(VALID_CUSTOMER_ID, served.id ?? VALID_CART_ID, served as CartUpdate);
      }
      expect(served).toEqual(example.value);
      expect(validateCartUpdate(served), JSON.stringify(validateCartUpdate.errors)).toBe(true);
      const sentBack = wire.exchanges.at(-1);
      expect(sentBack?.method).toBe('PUT');
      expect(JSON.parse(sentBack?.body ?? 'null')).toEqual(example.value);
      expect(sentBack?.status).toBe(operation === 'getCart' ? 200 : status);
      expect(sentBack?.responseHeaders.get('sl-violations')).toBeNull();
    },
  );
});

describe('consumer contract: requests that break the contract', () => {
  it.each(badCartUpdates)('$name: with client-side validation off, Prism refuses it naming $path', async (bad) => {
    const wire = forwardingFetch();
    const client = clientFor(wire, { validateRequests: false });
    const error = await rejection(
      client.updateCart(bad.customerId ?? VALID_CUSTOMER_ID, bad.cartId ?? VALID_CART_ID, bad.body as CartUpdate),
    );
    expect(error).toBeInstanceOf(PartnerCenterApiError);
    expect((error as PartnerCenterApiError).status).toBe(400);
    expect(wire.exchanges).toHaveLength(1);
    const violations = prismRequestViolations(wire.exchanges[0]?.responseHeaders.get('sl-violations') ?? null);
    expect(violations).toContainEqual({ path: bad.path, rule: bad.prismRule ?? bad.rule });
  });

  it.each(badCartUpdates)('$name: with validation on, nothing is sent and CartValidationError names $path', async (bad) => {
    const wire = forwardingFetch();
    const client = clientFor(wire);
    const error = await rejection(
      client.updateCart(bad.customerId ?? VALID_CUSTOMER_ID, bad.cartId ?? VALID_CART_ID, bad.body as CartUpdate),
    );
    expect(error).toBeInstanceOf(CartValidationError);
    expect((error as CartValidationError).violations.map(({ path, rule }) => ({ path, rule }))).toContainEqual({
      path: bad.path,
      rule: bad.rule,
    });
    expect((error as CartValidationError).message).toMatch(/nothing was sent$/);
    expect(wire.attempts()).toBe(0);
  });
});
