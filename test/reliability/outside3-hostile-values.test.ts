import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CallOptions, type CartUpdate, createCartClient, findCartUpdateViolations, isCartClientError } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID, rejectionOf, VALID_UPDATE } from '../support/hostile-server.js';

/*
 * Third outside run (issue 12): hostile values handed to updateCart, modifyCart (what the mutator returns, or does
 * after returning) and findCartUpdateViolations. Every outcome must be a CartValidationError or the documented
 * answer, never a platform TypeError, and what is sent must be the text that was checked. The run found: quoting a
 * BigInt, a Symbol, a function or a circular value in a message threw (findCartUpdateViolations, the ids, the call
 * options); a null-prototype object as an id or a setting threw in String(); call options were read more than once,
 * so a getter could pass the check and send something else; and Ajv's quadratic error merging made 200 000 bad line
 * items take over two minutes of blocked event loop. The rest held.
 */

const [LINE] = VALID_UPDATE.lineItems as [(typeof VALID_UPDATE.lineItems)[0]];
const PUT_ANSWER = { id: CART_ID, lineItems: [{ id: 0, ...LINE }] };

interface Sent {
  method: string;
  body: string | undefined;
  headers: Headers;
}

/** A client over an in-memory fetch that records what was sent: GET answers `cart`, PUT answers its own body back. */
function recordingClient(cart: unknown = PUT_ANSWER) {
  const sent: Sent[] = [];
  const client = createCartClient({
    credential: 'token-of-the-test',
    baseUrl: 'http://127.0.0.1:9',
    retry: false,
    validateResponses: 'off',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const body = request.method === 'PUT' ? await request.text() : undefined;
      sent.push({ method: request.method, body, headers: request.headers });
      const answer = request.method === 'PUT' ? (body ?? '{}') : JSON.stringify(cart);
      return new Response(answer, { status: 200, headers: { 'Content-Type': 'application/json', 'MS-RequestId': CART_ID } });
    },
  });
  return { client, sent };
}

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const circular = (): object => {
  const node: Record<string, unknown> = {};
  node.self = node;
  return node;
};
const throwingGetter = (): Record<string, unknown> =>
  Object.defineProperty({}, 'quantity', {
    enumerable: true,
    get() {
      throw new Error('getter of the caller');
    },
  });
const withQuantity = (quantity: unknown): unknown => ({ lineItems: [{ ...LINE, quantity }] });

const HOSTILE_BODIES: [string, () => unknown][] = [
  ['a BigInt quantity', () => withQuantity(1n)],
  ['a Symbol quantity', () => withQuantity(Symbol('quantity'))],
  ['a function quantity', () => withQuantity(() => 1)],
  ['a circular quantity', () => withQuantity(circular())],
  ['a null-prototype quantity', () => withQuantity(Object.create(null))],
  ['a Date quantity', () => withQuantity(new Date(0))],
  ['a typed array catalogItemId', () => ({ lineItems: [{ ...LINE, catalogItemId: new Uint8Array(4) }] })],
  ['NaN, Infinity, -0 and 1e308 quantities', () => ({ lineItems: [NaN, Infinity, -0, 1e308].map((quantity) => ({ ...LINE, quantity })) })],
  ['a BigInt body', () => 1n],
  ['a revoked Proxy body', revoked],
  ['a revoked Proxy line', () => ({ lineItems: [revoked()] })],
  ['a line whose getter throws', () => ({ lineItems: [Object.assign(throwingGetter(), { catalogItemId: LINE.catalogItemId })] })],
  [
    'a Proxy whose every trap throws',
    () =>
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('trap');
          },
          get: () => {
            throw new Error('trap');
          },
        },
      ),
  ],
  [
    'add-ons that contain themselves',
    () => {
      const line: Record<string, unknown> = { ...LINE };
      line.addonItems = [line];
      return { lineItems: [line] };
    },
  ],
];

describe('findCartUpdateViolations on hostile values', () => {
  it.each(HOSTILE_BODIES)('answers a list of violations for %s, in both modes, never throwing (fixed)', (_name, make) => {
    for (const as of ['client', 'service'] as const) {
      const violations = findCartUpdateViolations(make(), { as });
      expect(Array.isArray(violations)).toBe(true);
      expect(violations.length).toBeGreaterThan(0);
      for (const violation of violations) expect(typeof violation.message).toBe('string');
    }
  });

  it('quotes NaN as NaN, not as the null JSON would write (fixed)', () => {
    expect(findCartUpdateViolations(withQuantity(Number.NaN))[0]?.message).toContain('(got NaN)');
  });

  it('finds 200 000 bad line items in bounded time, in both modes, and the client refuses them unsent (fixed: Ajv merged errors quadratically, over two minutes)', async () => {
    const lines = Array.from({ length: 200_000 }, () => ({ ...LINE, quantity: 0 }));
    expect(findCartUpdateViolations({ lineItems: lines })).toHaveLength(200_000);
    expect(findCartUpdateViolations({ LineItems: lines }, { as: 'service' })).toHaveLength(200_000);
    const { client, sent } = recordingClient();
    const error = await rejectionOf(client.updateCart(CUSTOMER_ID, CART_ID, { lineItems: lines } as CartUpdate));
    expect(isCartClientError(error) && error.kind).toBe('validation');
    expect(sent).toHaveLength(0);
  }, 30_000);

  it('the generated validators merge errors without concat (the linear form the generator writes)', () => {
    const code = readFileSync(new URL('../../generated/validators.js', import.meta.url), 'utf8');
    expect(code).not.toContain('.concat(');
  });
});

describe('updateCart and modifyCart with hostile values', () => {
  it.each(HOSTILE_BODIES)('updateCart with %s rejects with a validation error and sends nothing', async (_name, make) => {
    const { client, sent } = recordingClient();
    const error = await rejectionOf(client.updateCart(CUSTOMER_ID, CART_ID, make() as CartUpdate));
    expect(isCartClientError(error) && error.kind, String(error)).toBe('validation');
    expect(sent).toHaveLength(0);
  });

  it.each<[string, unknown]>([
    ['a BigInt', 1n],
    ['a Symbol', Symbol('id')],
    ['a null-prototype object', Object.create(null)],
    [
      'an object with a throwing toString',
      {
        toString: () => {
          throw new Error('no');
        },
      },
    ],
    ['a lone surrogate', '\ud800'],
    ['a 10 kB string', 'a'.repeat(10_000)],
  ])(
    'an id that is %s is refused with a validation error by getCart, updateCart and modifyCart, nothing sent (fixed)',
    async (_name, id) => {
      const { client, sent } = recordingClient();
      const calls = [
        client.getCart(id as string, CART_ID),
        client.updateCart(CUSTOMER_ID, id as string, VALID_UPDATE),
        client.modifyCart(id as string, CART_ID, () => undefined),
        client.modifyCart(CUSTOMER_ID, id as string, () => undefined),
      ];
      for (const call of calls) {
        const error = await rejectionOf(call);
        expect(isCartClientError(error) && error.kind, String(error)).toBe('validation');
      }
      expect(sent).toHaveLength(0);
    },
  );

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'options'],
    [
      'a Proxy whose get throws',
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap');
          },
        },
      ),
    ],
    ['a null-prototype timeout', { timeouts: { attemptMs: Object.create(null) } }],
    ['a null-prototype signal', { signal: Object.create(null) }],
    ['a BigInt requestId', { requestId: 1n }],
    ['a Symbol correlationId', { correlationId: Symbol('id') }],
    ['a BigInt retry setting', { retry: { maxRetries: 3n } }],
  ])('call options that are %s are refused with a validation error, nothing sent (fixed)', async (_name, options) => {
    const { client, sent } = recordingClient();
    for (const call of [
      client.getCart(CUSTOMER_ID, CART_ID, options as CallOptions),
      client.updateCart(CUSTOMER_ID, CART_ID, VALID_UPDATE, options as CallOptions),
      client.modifyCart(CUSTOMER_ID, CART_ID, () => undefined, options as CallOptions),
    ]) {
      const error = await rejectionOf(call);
      expect(isCartClientError(error) && error.kind, String(error)).toBe('validation');
    }
    expect(sent).toHaveLength(0);
  });

  it('call options are read once: a getter that passes the check and then changes cannot reach the request (fixed)', async () => {
    const { client, sent } = recordingClient();
    const requestId = 'ad6b2d4c-2c8a-4c1b-9a0e-9a3bd8f1a0a1';
    let reads = 0;
    const options = {
      get requestId() {
        reads += 1;
        return reads === 1 ? requestId : 'x\r\nX-Injected: 1';
      },
      get timeouts() {
        reads += 1;
        return reads <= 2 ? undefined : { attemptMs: Number.NaN, overallMs: -1 };
      },
    };
    await expect(client.updateCart(CUSTOMER_ID, CART_ID, VALID_UPDATE, options)).resolves.toEqual(VALID_UPDATE);
    expect(sent.map(({ headers }) => headers.get('MS-RequestId'))).toEqual([requestId]);
  });

  it('a body with Symbol keys, a frozen body, a Date where a date-time belongs and a lone surrogate in an unknown property: sent exactly as checked', async () => {
    const { client, sent } = recordingClient();
    const bodies: unknown[] = [
      { ...VALID_UPDATE, [Symbol('hidden')]: 'never sent' },
      Object.freeze({ lineItems: Object.freeze([Object.freeze({ ...LINE })]) }),
      { lineItems: [{ ...LINE, customTermEndDate: new Date(Date.UTC(2030, 0, 31)) }] },
      { ...VALID_UPDATE, note: 'lone \ud800 surrogate' },
      { lineItems: [Object.assign(Object.create(null) as object, LINE)] },
    ];
    for (const body of bodies) await client.updateCart(CUSTOMER_ID, CART_ID, body as CartUpdate);
    expect(sent.map(({ body }) => body)).toEqual(bodies.map((body) => JSON.stringify(body)));
    for (const { body } of sent) expect(findCartUpdateViolations(JSON.parse(body ?? 'null'))).toEqual([]);
  });

  it('a mutator that spoils the draft after returning, or returns a Proxy whose reads change, never gets an unchecked text sent', async () => {
    const { client, sent } = recordingClient();
    const spoil = (draft: unknown, later: (spoil: () => void) => void): void => {
      const line = (draft as { lineItems: { quantity: number }[] }).lineItems[0];
      later(() => {
        if (line) line.quantity = 0;
      });
    };
    // A microtask runs before the body is serialised (refused), a timer after it (the text already checked is sent).
    const early = await rejectionOf(client.modifyCart(CUSTOMER_ID, CART_ID, (draft) => spoil(draft, queueMicrotask)));
    expect(isCartClientError(early) && early.kind).toBe('validation');
    await client.modifyCart(CUSTOMER_ID, CART_ID, (draft) => spoil(draft, (change) => setTimeout(change, 0)));
    let reads = 0;
    const shifting = new Proxy(
      { lineItems: [{ ...LINE, quantity: 2 }] },
      {
        get(target, key, receiver) {
          reads += 1;
          return key === 'lineItems' && reads > 1 ? [{ ...LINE, quantity: -5 }] : Reflect.get(target, key, receiver);
        },
      },
    );
    // Its second read (the one serialising it) says -5: that text is what is checked, and refused.
    const shifted = await rejectionOf(client.modifyCart(CUSTOMER_ID, CART_ID, () => shifting as unknown as CartUpdate));
    expect(isCartClientError(shifted) && shifted.kind).toBe('validation');
    const puts = sent.filter(({ method }) => method === 'PUT');
    expect(puts.map(({ body }) => JSON.parse(body ?? 'null').lineItems[0].quantity)).toEqual([1]);
    for (const { body } of puts) expect(findCartUpdateViolations(JSON.parse(body ?? 'null'))).toEqual([]);
  });

  it.each<[string, () => unknown]>([
    ['a BigInt', () => ({ lineItems: [{ ...LINE, quantity: 2n }] })],
    ['a string', () => 'cart'],
    [
      'a thenable that throws from then',
      () => ({
        // biome-ignore lint/suspicious/noThenProperty: a thenable is the hostile value under test
        then: () => {
          throw new Error('thenable of the caller');
        },
      }),
    ],
    ['a typed array', () => new Uint8Array(8)],
  ])('a mutator returning %s ends in a validation error or its own error, never a platform TypeError, nothing put', async (_name, make) => {
    const { client, sent } = recordingClient();
    const error = await rejectionOf(client.modifyCart(CUSTOMER_ID, CART_ID, () => make() as CartUpdate));
    const own = error instanceof Error && error.message === 'thenable of the caller';
    expect(own || (isCartClientError(error) && error.kind === 'validation'), String(error)).toBe(true);
    expect(sent.filter(({ method }) => method === 'PUT')).toHaveLength(0);
  });

  it('a mutator returning a revoked Proxy rejects (the platform refuses to resolve a promise with it) and puts nothing', async () => {
    const { client, sent } = recordingClient();
    await rejectionOf(client.modifyCart(CUSTOMER_ID, CART_ID, () => revoked() as CartUpdate));
    expect(sent.filter(({ method }) => method === 'PUT')).toHaveLength(0);
  });
});
