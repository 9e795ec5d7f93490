import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCartService } from '../../src/fake/index.js';
import type { HarLog } from '../../src/record/index.js';
import { recordAgainstFake, scratchDir, verifyJson } from '../support/traffic.js';

// One recording of the client against the fake, then one mutation at a time: each must be classified with the
// right exit code, entry index, place, JSON path and rule, and nothing else may be reported.
const scratch = scratchDir();
let recorded: HarLog;

beforeAll(async () => {
  const fake = await startFakeCartService();
  try {
    recorded = await recordAgainstFake(fake);
  } finally {
    await fake.stop();
  }
});
afterAll(() => scratch.remove());

type Entry = HarLog['log']['entries'][number];

function mutated(name: string, change: (entries: Entry[]) => void): string {
  const copy = structuredClone(recorded);
  change(copy.log.entries);
  return scratch.write(`${name}.har`, copy);
}

function entry(entries: Entry[], index: number): Entry {
  const found = entries[index];
  if (!found) throw new Error(`the recording has no entry ${index}`);
  return found;
}

/** A PUT body as Microsoft's .NET SDK serialises it: PascalCase names, .NET enum names, the unset DateTime. */
const dotNetBody = {
  Id: null,
  LineItems: [
    {
      Id: 0,
      CatalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB',
      FriendlyName: 'Microsoft 365 E3',
      Quantity: 3,
      BillingCycle: 'Monthly',
      TermDuration: 'P1Y',
      ProvisioningContext: {},
      OrderGroup: null,
      Error: null,
      RenewsTo: null,
    },
  ],
  CreationTimestamp: null,
  LastModifiedTimestamp: null,
  ExpirationTimestamp: '0001-01-01T00:00:00',
  LastModifiedUser: null,
  Status: null,
  Links: null,
  Attributes: { ObjectType: 'Cart' },
};

describe('mutated recordings are classified', () => {
  it('the unmutated recording conforms', async () => {
    const result = await verifyJson(mutated('original', () => {}));
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('an undeclared status', async () => {
    const result = await verifyJson(
      mutated('undeclared-status', (entries) => {
        entry(entries, 1).response.status = 418;
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        location: 'entry 1: response status',
        index: 1,
        where: 'response',
        part: 'status',
        rule: 'undeclared-status',
        value: '418',
      }),
    ]);
  });

  it('a wrong type in the response body', async () => {
    const result = await verifyJson(
      mutated('wrong-type', (entries) => {
        const response = entry(entries, 2).response;
        const cart = JSON.parse(response.content.text ?? '{}') as { lineItems: Array<{ quantity: unknown }> };
        (cart.lineItems[0] as { quantity: unknown }).quantity = 'three';
        response.content.text = JSON.stringify(cart);
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        location: 'entry 2: response body lineItems[0].quantity',
        where: 'response',
        part: 'body',
        path: 'lineItems[0].quantity',
        rule: 'type',
        value: '"three"',
      }),
    ]);
  });

  it('a missing MS-RequestId, in the response and in the request', async () => {
    const result = await verifyJson(
      mutated('missing-request-id', (entries) => {
        const response = entry(entries, 0).response;
        response.headers = response.headers.filter((header) => header.name.toLowerCase() !== 'ms-requestid');
        const request = entry(entries, 3).request;
        request.headers = request.headers.filter((header) => header.name.toLowerCase() !== 'ms-requestid');
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 0, where: 'response', part: 'header', path: 'MS-RequestId', rule: 'always-sent', value: 'nothing' }),
      expect.objectContaining({
        index: 3,
        where: 'request',
        part: 'header',
        path: 'MS-RequestId',
        rule: 'missing-request-id',
        value: 'nothing',
      }),
    ]);
  });

  it('an extra operation the contract does not declare', async () => {
    const result = await verifyJson(
      mutated('undeclared-operation', (entries) => {
        const checkout = structuredClone(entry(entries, 1));
        checkout.request.method = 'POST';
        checkout.request.url = `${checkout.request.url}/checkout`;
        entries.push(checkout);
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 5, where: 'request', part: 'operation', rule: 'undeclared-operation' }),
    ]);
  });

  it('a request a browser recorded without an answer (status 0) is a warning, not a failure', async () => {
    const result = await verifyJson(
      mutated('no-answer', (entries) => {
        entry(entries, 4).response.status = 0;
      }),
    );
    expect(result.exitCode).toBe(0);
    expect(result.findings).toEqual([expect.objectContaining({ index: 4, where: 'response', rule: 'no-response', severity: 'warning' })]);
  });

  it('a body the recording tool did not keep is not judged; an empty success body is an error', async () => {
    const result = await verifyJson(
      mutated('bodies', (entries) => {
        const notKept = entry(entries, 0).response.content;
        notKept.text = undefined;
        notKept.size = 512;
        const empty = entry(entries, 2).response.content;
        empty.text = undefined;
        empty.size = 0;
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([expect.objectContaining({ index: 2, where: 'response', part: 'body', path: '', rule: 'required' })]);
  });

  // Needs issue 10's findCartUpdateViolations(body, { as: 'service' }); until that is merged the strict check
  // refuses the PascalCase names, and this test fails.
  it('a PascalCase body from the .NET SDK passes', async () => {
    const result = await verifyJson(
      mutated('dotnet-body', (entries) => {
        const request = entry(entries, 1).request;
        if (request.postData) request.postData.text = JSON.stringify(dotNetBody);
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('a PUT body Partner Center would refuse fails with its JSON path', async () => {
    const result = await verifyJson(
      mutated('bad-request-body', (entries) => {
        const request = entry(entries, 1).request;
        if (request.postData)
          request.postData.text = JSON.stringify({
            lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 0, billingCycle: 'monthly' }],
          });
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 1, where: 'request', part: 'body', path: 'lineItems[0].quantity', rule: 'minimum', value: '0' }),
    ]);
  });
});
