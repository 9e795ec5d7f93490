import { describe, expect, it } from 'vitest';
import { isCartClientError } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID, rejectionOf, TRANSPORTS } from '../support/hostile-server.js';
import { serversClosedAfterEach } from '../support/outside-run.js';

/*
 * Outside run (issue 12): a hostile server answers with JSON nested thousands of levels deep. JSON.parse copes, but
 * the generated validators (drift reporting), structuredClone (modifyCart), quoting a value in a deviation and
 * copying an error's data all recurse: before the fix each of these calls rejected with a bare RangeError. Now a
 * success body deeper than MAX_JSON_DEPTH is a PartnerCenterResponseError of problem `too-deep`, and a deep error
 * body a PartnerCenterApiError (or, in strict mode, a PartnerCenterContractError) that quotes none of it.
 */

const startServer = serversClosedAfterEach();

const LINE = '{"catalogItemId":"DG7GMGF0DWTL:0001:DG7GMGF0DSJB","quantity":1,"billingCycle":"monthly"';

/** A line whose add-on has an add-on ... `depth` times: valid for the contract at every level. */
function addOnChain(depth: number): string {
  return `${`${LINE},"addonItems":[`.repeat(depth)}${LINE}}${']}'.repeat(depth)}`;
}

const DEEP = 100_000;
const ANSWERS: [string, number, string, string][] = [
  ['a cart with a 5 000-deep add-on chain', 200, `{"id":"${CART_ID}","lineItems":[${addOnChain(5_000)}]}`, 'response'],
  [
    'a cart with a 100 000-deep unknown property',
    200,
    `{"id":"${CART_ID}","lineItems":[],"x":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`,
    'response',
  ],
  ['an error body that is a 100 000-deep array', 400, `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`, 'api'],
  [
    'an error body whose data is 100 000 deep',
    400,
    `{"code":800002,"description":"x","data":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`,
    'api',
  ],
  [
    'an error body whose source is an object 50 000 deep',
    400,
    `{"code":800002,"source":${'{"a":'.repeat(DEEP / 2)}1${'}'.repeat(DEEP / 2)}}`,
    'api',
  ],
];

describe.each(TRANSPORTS)('answers nested too deep over %s', (_, createClient) => {
  it.each(ANSWERS)('%s rejects typed from getCart, modifyCart and strict getCart', async (_name, status, body, kind) => {
    const server = await startServer((_request, response) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(body);
    });
    const deviations: unknown[] = [];
    const report = createClient({ credential: 'token', baseUrl: server.url, retry: false, onResponseDeviation: (d) => deviations.push(d) });
    const strict = createClient({ credential: 'token', baseUrl: server.url, retry: false, validateResponses: 'strict' });
    const outcomes = [
      await rejectionOf(report.getCart(CUSTOMER_ID, CART_ID)),
      await rejectionOf(report.modifyCart(CUSTOMER_ID, CART_ID, () => undefined)),
      await rejectionOf(strict.getCart(CUSTOMER_ID, CART_ID)),
    ];
    for (const error of outcomes) expect(isCartClientError(error), String(error)).toBe(true);
    expect(outcomes.slice(0, 2)).toMatchObject([{ kind }, { kind }]);
    if (kind === 'response') expect(outcomes[0]).toMatchObject({ problem: 'too-deep' });
    else expect(outcomes[2]).toMatchObject({ kind: 'contract' });
    // Whatever is reported or kept can be serialised again without overflowing the stack.
    expect(() => JSON.stringify([outcomes, deviations])).not.toThrow();
  });

  it('still returns a cart nested as deep as the limit allows (a 20-deep add-on chain)', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(`{"id":"${CART_ID}","lineItems":[${addOnChain(20)}]}`);
    });
    const client = createClient({ credential: 'token', baseUrl: server.url, retry: false, validateResponses: 'off' });
    await expect(client.getCart(CUSTOMER_ID, CART_ID)).resolves.toMatchObject({ id: CART_ID });
  });
});
