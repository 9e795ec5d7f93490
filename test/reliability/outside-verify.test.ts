import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVerifyCommand } from '../../src/verify/command.js';
import { CART_ID, CUSTOMER_ID } from '../support/hostile-server.js';

/*
 * Outside run (issue 12) against the traffic verifier with hostile HAR and Pact files. One defect was found and
 * fixed: a body nested thousands deep made the whole run throw `Maximum call stack size exceeded`, so every other
 * file's report was lost and the machine formats printed nothing; now that file alone is unusable (exit 2). Held:
 * malformed, empty and non-JSON files are unusable with a sentence and no stack, and a credential quoted in a body,
 * a header or a finding's value is redacted in every output format.
 */

const SECRET = 'hunter2-SUPER-secret-9f8e7d';
const LINE = '{"catalogItemId":"DG7GMGF0DWTL:0001:DG7GMGF0DSJB","quantity":1,"billingCycle":"monthly"';
const dir = mkdtempSync(join(tmpdir(), 'outside-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function harFile(name: string, requestBody: string, responseBody: string, status = 201): string {
  const entry = {
    startedDateTime: '2025-01-01T00:00:00Z',
    time: 1,
    request: {
      method: 'PUT',
      url: `https://api.partnercenter.microsoft.com/v1/customers/${CUSTOMER_ID}/carts/${CART_ID}`,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Authorization', value: `Bearer ${SECRET}` },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      postData: { mimeType: 'application/json', text: requestBody },
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'MS-RequestId', value: SECRET },
      ],
      cookies: [],
      content: { size: -1, mimeType: 'application/json', text: responseBody },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
  return rawFile(name, JSON.stringify({ log: { version: '1.2', creator: { name: 'outside', version: '1' }, entries: [entry] } }));
}

function rawFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const addOnChain = (depth: number): string => `${`${LINE},"addonItems":[`.repeat(depth)}${LINE}}${']}'.repeat(depth)}`;
const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'];

describe('the verifier on hostile traffic files', () => {
  it.each([
    [
      'a request with a 5 000-deep add-on chain',
      () => harFile('deep-request.har', `{"lineItems":[${addOnChain(5_000)}]}`, `{"id":"${CART_ID}"}`),
    ],
    [
      'a response with a 5 000-deep add-on chain',
      () => harFile('deep-response.har', `{"lineItems":[${LINE}}]}`, `{"id":"${CART_ID}","lineItems":[${addOnChain(5_000)}]}`),
    ],
    [
      'an error body 50 000 deep',
      () =>
        harFile('deep-error.har', `{"lineItems":[${LINE}}]}`, `{"code":1,"source":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, 400),
    ],
  ])('%s makes that file unusable and still reports the others, in every format (fixed)', async (_name, make) => {
    const deep = make();
    const good = harFile('good.har', `{"lineItems":[${LINE}}]}`, `{"id":"${CART_ID}","lineItems":[]}`);
    for (const format of FORMATS) {
      const output = await runVerifyCommand(['--format', format, deep, good]);
      expect(output.exitCode).toBe(2);
      const printed = output.stdout + output.stderr;
      expect(printed).toContain('good.har');
      expect(printed).toMatch(/nested too deep/);
      expect(printed).not.toMatch(/\n\s+at /);
    }
  });

  it.each([
    ['a file nested 200 000 deep', () => rawFile('deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`)],
    [
      'entries of the wrong types',
      () =>
        rawFile(
          'types.har',
          '{"log":{"entries":[{"request":5},null,"x",{"request":{"method":"PUT","url":"::::"},"response":{"status":"abc"}}]}}',
        ),
    ],
    ['control bytes', () => rawFile('bytes.har', '\u0000\u0001garbage')],
    ['an empty file', () => rawFile('empty.har', '')],
    ['a null log', () => rawFile('null.har', '{"log":null}')],
    ['an entry only under __proto__', () => rawFile('proto.har', '{"log":{"entries":[{"__proto__":{"request":{"method":"GET"}}}]}}')],
  ])('%s is unusable (exit 2) with a sentence and no stack trace', async (_name, make) => {
    const file = make();
    for (const format of FORMATS) {
      const output = await runVerifyCommand(['--format', format, file]);
      expect(output.exitCode).toBe(2);
      expect(output.stdout + output.stderr).not.toMatch(/\n\s+at |RangeError|TypeError/);
    }
  });

  it('redacts a credential quoted in request and response bodies, headers and findings, in every format', async () => {
    const file = harFile(
      'secrets.har',
      `{"lineItems":[{"catalogItemId":"${SECRET}","quantity":"pw=${SECRET}","billingCycle":"x${SECRET}"}],"client_secret":"${SECRET}"}`,
      `{"id":5,"status":"${SECRET}"}`,
    );
    for (const format of FORMATS) {
      const output = await runVerifyCommand(['--format', format, '--coverage', file]);
      expect(output.exitCode).toBe(1);
      expect(output.stdout + output.stderr).not.toContain(SECRET);
      expect(output.stdout + output.stderr).toContain('[redacted]');
    }
  });
});
