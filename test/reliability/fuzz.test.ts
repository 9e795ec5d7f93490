import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import openapi from '../../generated/openapi.json' with { type: 'json' };
import { type CartUpdate, createCartClient, type FetchLike, isCartClientError } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID } from '../support/hostile-server.js';

/*
 * A property-based fuzzer: for thousands of generated bodies, the client's decision (send, or refuse with a
 * CartValidationError) must equal that of an independent validator, Ajv compiled here from generated/openapi.json
 * with ajv-formats (full date-time, a real calendar), not the generated standalone validators the client uses.
 */

const RUNS = 4_000;

function independentValidator(): (body: unknown) => boolean {
  // Both packages are CommonJS with an ES default export inside.
  const ajv = new AjvModule.default({ strict: false, allErrors: false, validateFormats: true });
  addFormatsModule.default(ajv, { mode: 'full' });
  ajv.addSchema(openapi as object, 'openapi.json');
  const validate = ajv.getSchema('openapi.json#/components/schemas/CartUpdate');
  if (!validate) throw new Error('CartUpdate is missing from generated/openapi.json: run npm run bundle');
  return (body) => validate(body) === true;
}

/** A value of the wrong type for any field. */
const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }), fc.constant([]), fc.constant({}));
/** Mostly a right value, sometimes a wrong one: each field is wrong rarely, so that whole bodies are often valid. */
const rightOrWrong = <T, U>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 30, arbitrary: right }, { weight: 1, arbitrary: wrong });
/** Mostly a right value, sometimes junk of another type. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => rightOrWrong(arbitrary, junk);
const twoDigits = (min: number, max: number) => fc.integer({ min, max }).map((value) => String(value).padStart(2, '0'));
const dateTime = rightOrWrong(
  fc.oneof(
    fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    fc
      .tuple(fc.integer({ min: 1000, max: 2999 }), twoDigits(1, 12), twoDigits(1, 28), fc.constantFrom('Z', '+05:30', '-08:00'))
      .map(([year, month, day, zone]) => `${year}-${month}-${day}T12:30:45.5${zone}`),
    fc.constantFrom('2024-02-29T00:00:00Z', '2000-02-29T23:59:59Z'),
  ),
  fc.constantFrom(
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2100-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-06-01T24:00:00Z',
    '2024-06-01T12:00:00',
    'yesterday',
    '',
  ),
);

const participant = fc.record(
  {
    key: maybe(
      rightOrWrong(
        fc.constantFrom('transaction_reseller', 'additional_transaction_reseller'),
        fc.constantFrom('TransactionReseller', 'other'),
      ),
    ),
    value: maybe(rightOrWrong(fc.string({ minLength: 1, maxLength: 3 }), fc.constant(''))),
  },
  { requiredKeys: ['key', 'value'] },
);
const lineItem = fc.letrec((tie) => ({
  line: fc.record(
    {
      id: maybe(rightOrWrong(fc.integer({ min: 0, max: 2_147_483_647 }), fc.constantFrom(-1, 2_147_483_648, 0.5))),
      catalogItemId: maybe(rightOrWrong(fc.constantFrom('DG7GMGF0DWTL:0001:DG7GMGF0DSJB', 'x', ' '), fc.constant(''))),
      friendlyName: maybe(fc.string({ maxLength: 3 })),
      quantity: maybe(rightOrWrong(fc.integer({ min: 1, max: 2_147_483_647 }), fc.constantFrom(0, -1, 2_147_483_648, 1.5))),
      currencyCode: maybe(rightOrWrong(fc.constantFrom('USD', 'EUR'), fc.constantFrom('usd', 'EURO'))),
      billingCycle: maybe(rightOrWrong(fc.constantFrom('monthly', 'annual', 'one_time', 'none', 'triennial'), fc.constant('Monthly'))),
      termDuration: maybe(rightOrWrong(fc.constantFrom('P1M', 'P1Y', 'P3Y'), fc.constantFrom('P', '1Y'))),
      customTermEndDate: fc.oneof({ weight: 3, arbitrary: dateTime }, fc.constant(null)),
      participants: maybe(fc.array(participant, { maxLength: 2 })),
      provisioningContext: maybe(
        fc.dictionary(fc.constantFrom('scope', 'duration'), rightOrWrong(fc.string({ maxLength: 2 }), fc.integer())),
      ),
      addonItems: maybe(fc.array(tie('line'), { maxLength: 1 })),
      renewsTo: fc.oneof(fc.constant(null), fc.record({ termDuration: maybe(rightOrWrong(fc.constant('P1Y'), fc.constant('bad'))) })),
      futureField: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['catalogItemId', 'quantity', 'billingCycle'] },
  ),
})).line;
/** A line that sometimes misses a required property. */
const anyLine = rightOrWrong(lineItem, fc.record({ quantity: fc.integer() }, { requiredKeys: [] }));
const body = fc.oneof(
  {
    weight: 15,
    arbitrary: fc.record(
      {
        id: maybe(rightOrWrong(fc.constant(CART_ID), fc.constantFrom('not-a-guid', CART_ID.slice(1)))),
        creationTimestamp: dateTime,
        lineItems: maybe(rightOrWrong(fc.array(anyLine, { minLength: 1, maxLength: 3 }), fc.constant([]))),
        partnerOnRecordAttestationAccepted: rightOrWrong(fc.oneof(fc.boolean(), fc.constant(null)), junk),
        extra: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['lineItems'] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

describe('fuzzing the accept/refuse decision', () => {
  it(`agrees with an independent Ajv validator on ${RUNS} generated bodies`, async () => {
    const independent = independentValidator();
    let sent = 0;
    const fetch: FetchLike = async () => {
      sent += 1;
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const client = createCartClient({ credential: 'token', fetch });
    const decisions = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(body, async (candidate) => {
        const before = sent;
        const accepted = await client.updateCart(CUSTOMER_ID, CART_ID, candidate as CartUpdate).then(
          () => true,
          (error: unknown) => {
            if (!(isCartClientError(error) && error.kind === 'validation')) throw error;
            return false;
          },
        );
        expect(sent - before).toBe(accepted ? 1 : 0);
        expect(accepted).toBe(independent(candidate));
        decisions[accepted ? 'accepted' : 'refused'] += 1;
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    // Both outcomes must be common, or the property says little.
    expect(decisions.accepted).toBeGreaterThan(RUNS / 20);
    expect(decisions.refused).toBeGreaterThan(RUNS / 20);
    console.log(`fuzzer: ${RUNS} bodies, ${decisions.accepted} accepted, ${decisions.refused} refused, all as Ajv decided`);
  });
});
