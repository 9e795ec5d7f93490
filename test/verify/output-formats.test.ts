import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { commandProbe, missingToolMessage, requireTool } from '../support/system-requirements.js';
import { SECRET_TOKEN, scratchDir, verify } from '../support/traffic.js';

const xmllint = requireTool({
  name: 'xmllint (JUnit XSD validation)',
  probes: [commandProbe('xmllint', ['--version'])],
  install: 'apt-get install -y libxml2-utils',
});

// Every output format of the same traffic: the same exit code, documents valid against their schemas, and no secret
// from the traffic anywhere in stdout or stderr.
const scratch = scratchDir();
afterAll(() => scratch.remove());

const QUERY_SECRET = 'query-secret-5c1d9e';
const BODY_SECRET = 'client-secret-8f2a7b';
const BASIC_SECRET = 'dXNlcjpiYXNpYy1zZWNyZXQ=';
const cartUrl =
  'https://api.partnercenter.microsoft.com/v1/customers/d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d/carts/b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
const ids = [
  { name: 'MS-RequestId', value: '4fa6dad6-a89f-4875-8247-8294a10ae1cf' },
  { name: 'MS-CorrelationId', value: 'aaaa0000-bb11-2222-33cc-444444dddddd' },
];

function entry(request: Record<string, unknown>, response: Record<string, unknown>) {
  return {
    startedDateTime: '2026-11-23T00:00:00.000Z',
    time: 1,
    request: { httpVersion: 'HTTP/1.1', cookies: [], queryString: [], headersSize: -1, bodySize: -1, ...request },
    response: { statusText: '', httpVersion: 'HTTP/1.1', cookies: [], redirectURL: '', headersSize: -1, bodySize: -1, ...response },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

/** Three exchanges that break the contract, with credentials in a header, a query string, a body and a body value. */
const secretHar = {
  log: {
    version: '1.2',
    creator: { name: 'browser', version: '1' },
    entries: [
      entry(
        {
          method: 'GET',
          url: `${cartUrl}?access_token=${QUERY_SECRET}`,
          headers: [{ name: 'authorization', value: `Bearer ${SECRET_TOKEN}` }, ...ids],
        },
        {
          status: 200,
          headers: [{ name: 'content-type', value: 'application/json; charset=utf-8' }, ...ids],
          // The token where a GUID belongs: the finding's value must not show it.
          content: {
            size: 1,
            mimeType: 'application/json',
            text: JSON.stringify({
              id: SECRET_TOKEN,
              lineItems: [{ id: 0, catalogItemId: 'X', quantity: 'two', billingCycle: 'monthly' }],
            }),
          },
        },
      ),
      entry(
        {
          method: 'PUT',
          url: cartUrl,
          headers: [
            { name: 'Authorization', value: `Bearer ${SECRET_TOKEN}` },
            { name: 'Content-Type', value: 'application/json' },
            ...ids,
          ],
          postData: {
            mimeType: 'application/json',
            text: JSON.stringify({
              client_secret: BODY_SECRET,
              lineItems: [{ catalogItemId: BODY_SECRET, quantity: 0, billingCycle: 'monthly' }],
            }),
          },
        },
        {
          status: 400,
          headers: [{ name: 'Content-Type', value: 'application/json' }, ...ids],
          content: { size: 1, mimeType: 'application/json', text: '{"code":800002,"description":"Invalid input."}' },
        },
      ),
      entry(
        { method: 'GET', url: cartUrl, headers: [{ name: 'Authorization', value: `Basic ${BASIC_SECRET}` }, ...ids] },
        { status: 418, headers: ids, content: { size: 0, mimeType: '' } },
      ),
    ],
  },
};
const secrets = [SECRET_TOKEN, QUERY_SECRET, BODY_SECRET, BASIC_SECRET];
const harFile = scratch.write('secrets.har', secretHar);

describe.each(['text', 'json', 'junit', 'sarif', 'github'])('--format %s', (format) => {
  it('exits 1 and prints no secret from the traffic', async () => {
    const run = await verify('--format', format, '--coverage', harFile);
    expect(run.exitCode).toBe(1);
    for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
    expect(run.stdout + run.stderr).toContain('[redacted]');
  });
});

describe('documents', () => {
  it('json: stdout is one JSON document naming file, entry, place, path, rule and value', async () => {
    const run = await verify('--format', 'json', harFile);
    const document = JSON.parse(run.stdout) as {
      exitCode: number;
      files: Array<{ file: string; findings: Array<Record<string, unknown>> }>;
    };
    expect(document.exitCode).toBe(1);
    expect(document.files[0]?.file).toBe(harFile);
    expect(document.files[0]?.findings).toContainEqual(
      expect.objectContaining({
        location: 'entry 0: response body lineItems[0].quantity',
        index: 0,
        where: 'response',
        part: 'body',
        path: 'lineItems[0].quantity',
        pointer: '/lineItems/0/quantity',
        rule: 'type',
        value: '"two"',
      }),
    );
    expect(document.files[0]?.findings).toContainEqual(
      expect.objectContaining({ index: 0, path: 'id', rule: 'format', value: '"[redacted]"' }),
    );
    expect(document.files[0]?.findings).toContainEqual(
      expect.objectContaining({ index: 1, where: 'request', path: 'lineItems[0].quantity', rule: 'minimum' }),
    );
    expect(document.files[0]?.findings).toContainEqual(
      expect.objectContaining({ index: 2, where: 'request', path: 'Authorization', rule: 'security', value: '[redacted]' }),
    );
    expect(document.files[0]?.findings).toContainEqual(
      expect.objectContaining({ index: 2, where: 'response', part: 'status', rule: 'undeclared-status' }),
    );
  });

  it('junit: well-formed XML, valid against the Ant JUnit schema, one failing test case per broken exchange', async () => {
    const run = await verify('--format', 'junit', harFile);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const file = scratch.write('report.xml', run.stdout);
    // xmllint (Debian's libxml2-utils) validates against the XSD; its absence fails the test rather than skipping it.
    if (!xmllint.available) throw new Error(missingToolMessage(xmllint));
    execFileSync('xmllint', ['--noout', '--schema', 'test/support/fixtures/junit.xsd', file], { stdio: 'pipe' });
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' || name === 'testsuite' }).parse(
      run.stdout,
    ) as {
      testsuites: {
        testsuite: Array<{
          '@_tests': string;
          '@_failures': string;
          testcase: Array<{ '@_name': string; failure?: { '@_type': string } }>;
        }>;
      };
    };
    const [suite] = parsed.testsuites.testsuite;
    expect(suite?.['@_tests']).toBe('3');
    expect(suite?.['@_failures']).toBe('3');
    expect(suite?.testcase.map((testCase) => testCase['@_name'])).toEqual([
      'entry 0: GET /v1/customers/{customer-id}/carts/{cart-id} -> 200',
      'entry 1: PUT /v1/customers/{customer-id}/carts/{cart-id} -> 400',
      'entry 2: GET /v1/customers/{customer-id}/carts/{cart-id} -> 418',
    ]);
    expect(suite?.testcase[2]?.failure?.['@_type']).toBe('security undeclared-status');
  });

  it('sarif: valid SARIF 2.1.0, results located in the file and at the JSON path', async () => {
    const run = await verify('--format', 'sarif', harFile);
    const schema = JSON.parse(readFileSync('test/support/fixtures/sarif-schema-2.1.0.json', 'utf8')) as object;
    const ajv = new Ajv04.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(run.stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string }> }> }> }>;
    };
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const names = sarif.runs[0]?.results.map((result) => result.locations[0]?.logicalLocations[0]?.fullyQualifiedName);
    expect(names).toContain('entries[0].response.body.lineItems[0].quantity');
    expect(names).toContain('entries[2].response.status');
  });

  it('sarif: the schema check can fail', () => {
    const schema = JSON.parse(readFileSync('test/support/fixtures/sarif-schema-2.1.0.json', 'utf8')) as object;
    const validate = new Ajv04.default({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('github: one workflow command per finding, on the traffic file', async () => {
    const run = await verify('--format', 'github', harFile);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations.length).toBeGreaterThanOrEqual(5);
    expect(annotations[0]).toMatch(/^::(error|warning) file=[^,]+,title=[^:]+::entry \d+: /);
  });
});

describe('exit code 2: input that cannot be verified', () => {
  it.each([
    ['a missing file', () => `${scratch.dir}/does-not-exist.har`, /cannot read it \(ENOENT\)/],
    ['an empty file', () => scratch.write('empty.har', ''), /the file is empty/],
    ['text that is not JSON', () => scratch.write('notes.txt', 'GET /carts'), /not JSON, so neither HAR nor Pact/],
    ['JSON that is neither', () => scratch.write('other.json', { hello: 'world' }), /neither HAR \(no log.entries\) nor Pact/],
    ['a HAR without entries', () => scratch.write('none.har', { log: { version: '1.2', entries: [] } }), /the HAR has no entries/],
    [
      'a Pact without interactions',
      () => scratch.write('none.json', { consumer: { name: 'c' }, provider: { name: 'p' }, interactions: [] }),
      /no interactions/,
    ],
  ])('%s', async (_name, path, message) => {
    const run = await verify(path());
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toMatch(message);
  });

  it('the worst file decides: a conforming file with an unusable one exits 2, in json too', async () => {
    const run = await verify('--format', 'json', harFile, scratch.write('blank.json', ''));
    expect(run.exitCode).toBe(2);
    const document = JSON.parse(run.stdout) as { files: Array<{ unusable: string | null }> };
    expect(document.files.map((file) => file.unusable === null)).toEqual([true, false]);
  });

  it('no file, or a bad option, is a usage error', async () => {
    expect((await verify()).exitCode).toBe(2);
    const bad = await verify('--format', 'xml', harFile);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--format must be one of text, json, junit, sarif, github');
  });
});
