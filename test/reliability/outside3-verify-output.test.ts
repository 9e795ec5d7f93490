import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVerifyCommand } from '../../src/verify/command.js';
import { CART_ID, CUSTOMER_ID } from '../support/hostile-server.js';
import { junitFrom, sarifFrom } from '../support/review-documents.js';

/*
 * Third outside run (issue 12): the verifier's outputs under injection. Found: a value holding a line break went
 * into the human summary as it was, so `\n::error::` or `\n::add-mask::` in recorded traffic started a line GitHub
 * Actions reads as a workflow command (the summary is printed in every format, on stdout in text and github), ESC
 * sequences reached the terminal, and JUnit kept U+FFFE, U+FFFF and lone surrogates, which XML cannot hold. Now every
 * human line escapes controls visibly and the XML replaces those code units. Held: SARIF stays schema-valid, JSON
 * escapes everything, and a HAR of 50 000 entries is verified whole.
 */

const dir = mkdtempSync(join(tmpdir(), 'outside3-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE = 'x\n::error::pwned\r\n::add-mask::zz%0A]]><x/>\u0000\u0001\u001b[31m\u2028\u0085\uFFFE\uFFFF\ud800&<>"\'';
const CART_URL = `https://api.partnercenter.microsoft.com/v1/customers/${CUSTOMER_ID}/carts/${CART_ID}`;

interface EntryOverrides {
  method?: string;
  url?: string;
  status?: number;
  responseText?: string;
  /** What goes into every other string of the entry; hostile by default. */
  text?: string;
}

function entry(overrides: EntryOverrides = {}): object {
  const value = overrides.text ?? HOSTILE;
  return {
    startedDateTime: '2025-01-01T00:00:00Z',
    time: 1,
    comment: value,
    request: {
      method: overrides.method ?? 'PUT',
      url: overrides.url ?? CART_URL,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'MS-RequestId', value: value },
        { name: value, value: value },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      postData: {
        mimeType: 'application/json',
        text: JSON.stringify({ lineItems: [{ catalogItemId: value, quantity: value, billingCycle: value, [value]: 1 }], [value]: value }),
      },
    },
    response: {
      status: overrides.status ?? 201,
      statusText: value,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Content-Type', value: value },
        { name: 'MS-RequestId', value: value },
      ],
      cookies: [],
      content: {
        size: -1,
        mimeType: 'application/json',
        text:
          overrides.responseText ??
          JSON.stringify({ id: value, lineItems: [{ id: value, [value]: value, quantity: value }], [value]: value }),
      },
      redirectURL: value,
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
}

function harFile(name: string, entries: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: HOSTILE, version: HOSTILE }, entries } }));
  return file;
}

const hostile = (): string =>
  harFile('hostile.har', [
    entry(),
    entry({ url: `https://api.partnercenter.microsoft.com/v1/customers/${encodeURIComponent('a\n::error::b')}/carts/${CART_ID}` }),
    entry({ method: HOSTILE }),
    entry({ url: `https://elsewhere.example/${HOSTILE}` }),
    entry({ status: 599 }),
  ]);

/** A line GitHub Actions would run as a workflow command: any line of the log starting with `::`. */
const commandLines = (text: string): string[] => text.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::'));
/** Controls other than the line break between lines: none may reach a terminal or a log. */
const CONTROLS = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(9)}${String.fromCharCode(11)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}-${String.fromCharCode(0x9f)}\u2028\u2029]`,
);

describe('the verifier outputs under injection', () => {
  it.each(['text', 'json', 'sarif', 'junit'])(
    'in %s format, a hostile HAR starts no workflow command on stdout or stderr, and the human summary holds no control character (fixed)',
    async (format) => {
      const output = await runVerifyCommand(['--format', format, '--coverage', hostile()]);
      expect(output.exitCode).toBe(1);
      expect(commandLines(output.stdout + output.stderr)).toEqual([]);
      // The summary is stdout in text format and stderr in the others; JSON and XML documents may hold C1 characters.
      expect(format === 'text' ? output.stdout : output.stderr).not.toMatch(CONTROLS);
    },
  );

  it('in github format, every line starting with :: is one of its annotations, whole, with its data escaped (fixed)', async () => {
    const output = await runVerifyCommand(['--format', 'github', hostile()]);
    const commands = commandLines(output.stdout + output.stderr);
    expect(commands.length).toBeGreaterThan(5);
    for (const line of commands) expect(line).toMatch(/^::(error|warning) file=[^:,\r\n]*,title=[^:,\r\n]*::[^\r\n]*$/);
    expect(output.stdout).not.toMatch(CONTROLS);
  });

  it('JUnit holds no code unit XML cannot (U+FFFE, U+FFFF, lone surrogates) and parses; no ]]> survives unescaped (fixed)', async () => {
    const output = await runVerifyCommand(['--format', 'junit', hostile()]);
    expect(output.stdout).not.toMatch(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(output.stdout).not.toContain(']]>');
    expect(junitFrom(output.stdout).testsuites.testsuite.length).toBe(1);
  });

  it('SARIF of the hostile HAR is valid against the vendored SARIF 2.1.0 schema', async () => {
    const output = await runVerifyCommand(['--format', 'sarif', hostile()]);
    expect(sarifFrom(output.stdout).runs[0]?.results.length).toBeGreaterThan(5);
  });

  it('a HAR of 50 000 entries is verified whole: one finding line per nonconforming entry', async () => {
    const ok = JSON.stringify({ id: CART_ID, lineItems: [] });
    const entries = Array.from({ length: 50_000 }, (_unused, index) =>
      entry({ method: 'GET', status: index % 2 === 0 ? 202 : 200, responseText: ok, text: CUSTOMER_ID }),
    );
    const output = await runVerifyCommand(['--format', 'text', harFile('big.har', entries)]);
    expect(output.exitCode).toBe(1);
    expect(output.stdout.split('\n').filter((line) => line.includes('[undeclared-status]'))).toHaveLength(25_000);
  }, 60_000);
});
