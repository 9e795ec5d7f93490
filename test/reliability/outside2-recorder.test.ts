import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCartService, type FakeCartService } from '../../src/fake/index.js';
import { createCartClient } from '../../src/index.js';
import { recordHar } from '../../src/record/index.js';
import { activeCart, updateBody } from '../support/cart-fixtures.js';
import { CART_ID, CUSTOMER_ID, PLAIN_SECRET, rejectionOf, SECRET, sendJson } from '../support/hostile-server.js';
import { serversClosedAfterEach } from '../support/outside-run.js';
import { scratchDir, verify } from '../support/traffic.js';

/*
 * Second outside run (issues 12 and 14): the HAR recorder (`partner-center-cart-contract/record`) under hostile
 * traffic. Found: a token the server echoed (in a body's description, an MS-CV header, a cart property) was written
 * into the HAR as it came, since only values under credential names were redacted; the recorder read every body
 * whole whatever the client's `maxResponseBytes`, so an endless or bomb-sized body grew its memory until the
 * deadline instead of stopping at the cap; a binary body was written as lossy UTF-8 text; and a body nested 100 000
 * deep made the recorder's redaction throw a RangeError, so the client saw a network failure (and retried) instead
 * of its typed `too-deep` answer, and nothing was recorded.
 */

const startServer = serversClosedAfterEach();
const scratch = scratchDir();
afterAll(() => scratch.remove());

describe('what the recorder writes down', () => {
  it('a token echoed in a body, a header or a cart property is not written into the HAR', async () => {
    for (const credential of [PLAIN_SECRET, SECRET]) {
      let calls = 0;
      const server = await startServer((request, response) => {
        const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
        const echo = { 'MS-CV': `cv.${token}`, 'X-Debug': `authorization=${request.headers.authorization}` };
        calls += 1;
        if (calls === 1) return sendJson(response, 401, { code: 800001, description: `token ${token} expired`, data: [token] }, echo);
        sendJson(response, 200, { id: CART_ID, lineItems: [], note: `you sent ${token}` }, echo);
      });
      const recorder = recordHar(fetch);
      const client = createCartClient({
        credential: async () => credential,
        baseUrl: server.url,
        fetch: recorder.fetch,
        validateResponses: 'off',
      });
      await client.getCart(CUSTOMER_ID, CART_ID);
      const har = JSON.stringify(recorder.har());
      expect(recorder.har().log.entries).toHaveLength(2);
      expect(har).not.toContain(credential);
      expect(har).toContain('[redacted]');
    }
  });

  it('an endless body stops at the client’s maxResponseBytes with the recorder in between too', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const recorder = recordHar(fetch);
    const client = createCartClient({
      credential: PLAIN_SECRET,
      baseUrl: server.url,
      fetch: recorder.fetch,
      maxResponseBytes: 256 * 1024,
      retry: false,
      timeouts: { attemptMs: 5_000 },
    });
    // Before the fix the recorder kept reading until the attempt deadline: a timeout, after megabytes held in memory.
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'response', problem: 'too-large' });
    const [entry] = recorder.har().log.entries;
    expect(entry?.response.content.text).toBeUndefined();
    expect(entry?.comment).toMatch(/not recorded/);
  });

  it('a binary body is recorded as base64, byte for byte', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
    const server = await startServer((_request, response: ServerResponse) => {
      response.writeHead(500, { 'Content-Type': 'application/octet-stream' });
      response.end(bytes);
    });
    const recorder = recordHar(fetch);
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, fetch: recorder.fetch, retry: false });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'api', status: 500 });
    const content = recorder.har().log.entries[0]?.response.content;
    expect(content).toMatchObject({ encoding: 'base64', size: 256 });
    expect(Buffer.from(content?.text ?? '', 'base64').equals(bytes)).toBe(true);
    const run = await verify(scratch.write('binary.har', recorder.har()));
    expect(run.exitCode, run.stderr).not.toBe(2);
  });

  it('credentials in the query, a request body and custom headers are redacted by name (held)', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, { ok: true, refresh_token: 'rt-secret-value' }));
    const recorder = recordHar(fetch, { redact: ['x-api-key'] });
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, fetch: recorder.fetch });
    await client.raw.POST(
      '/v1/other' as never,
      {
        params: { query: { access_token: 'q-secret-value', code: 'code-secret-value', plain: 'kept' } },
        headers: { 'x-api-key': 'key-secret-value', Cookie: 'session=cookie-secret-value' },
        body: { client_secret: 'body-secret-value', nested: [{ password: 'pw-secret-value' }] },
      } as never,
    );
    const har = JSON.stringify(recorder.har());
    expect(har.match(/[a-z]+-secret-value|plain-SECRET/g)).toBeNull();
    expect(har).toContain('plain=kept');
  });

  it('a body 100 000 levels deep is recorded, and the client still gets its typed too-deep error', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(deep);
    });
    const recorder = recordHar(fetch);
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, fetch: recorder.fetch, retry: false });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'response' });
    expect(recorder.har().log.entries[0]?.response.content.text?.length).toBe(deep.length);
  });
});

describe('concurrent traffic recorded against the fake', () => {
  let fake: FakeCartService;
  beforeAll(async () => {
    fake = await startFakeCartService();
  });
  afterAll(async () => fake.stop());
  afterEach(() => fake.clearFaults());

  it('40 concurrent calls with retries and a token refresh are all recorded, hold no token and verify clean', async () => {
    const carts = Array.from({ length: 8 }, () => activeCart());
    for (const cart of carts) fake.seedCart(cart);
    fake.injectFaults({ status: 503, count: 5, retryAfterSeconds: 0 });
    const recorder = recordHar(fetch);
    let tokens = 0;
    const client = createCartClient({
      credential: ({ forceRefresh }) => {
        tokens += 1;
        return `${SECRET}${forceRefresh ? 'x' : ''}${tokens % 3}`;
      },
      baseUrl: fake.url,
      fetch: recorder.fetch,
      retry: { baseDelayMs: 1 },
    });
    const calls = Array.from({ length: 40 }, (_, index) => {
      const cart = carts[index % carts.length] as (typeof carts)[number];
      return index % 2 === 0
        ? client.getCart(cart.customerId, cart.id)
        : client.updateCart(cart.customerId, cart.id, updateBody((index % 5) + 1) as never);
    });
    await Promise.all(calls);
    const har = recorder.har();
    expect(har.log.entries.length).toBe(45);
    expect(JSON.stringify(har)).not.toContain(SECRET.slice(0, 30));
    const run = await verify(scratch.write('concurrent.har', har));
    expect(run.exitCode, run.stdout).toBe(0);
  });
});
