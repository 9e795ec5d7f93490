import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isCartClientError } from '../../src/index.js';
import {
  CART_ID,
  CUSTOMER_ID,
  type HostileServer,
  rejectionOf,
  startHostileServer,
  TRANSPORTS,
  VALID_UPDATE,
} from '../support/hostile-server.js';

/*
 * Every failure is typed: a success answer the client cannot use is a PartnerCenterResponseError (never retried:
 * the PUT may have been applied), a reset mid-body a PartnerCenterNetworkError (retried, same request id), and no
 * body larger than maxResponseBytes is read whole, compressed or not.
 */

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BAD_SUCCESS_BODIES: [string, number, string, string, string][] = [
  ['malformed JSON', 200, 'application/json', '{"id": "b4c8', 'malformed-json'],
  ['an HTML page', 200, 'text/html', '<html><body>Sign in</body></html>', 'content-type'],
  ['JSON sent as text/plain', 201, 'text/plain', '{"id":"x"}', 'content-type'],
  ['no content type', 200, '', '{"id":"x"}', 'content-type'],
  ['null', 200, 'application/json', 'null', 'not-an-object'],
  ['an array', 200, 'application/json', '[]', 'not-an-object'],
  ['a string', 201, 'application/json', '"hello"', 'not-an-object'],
  ['a number', 200, 'application/json', '42', 'not-an-object'],
  ['an empty body', 200, 'application/json', '', 'malformed-json'],
];

/** 50 MB of JSON, sent in 1 MB chunks. */
function sendHuge(response: import('node:http').ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  let left = 50;
  const pump = (): void => {
    while (left > 0) {
      left -= 1;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    response.end('{}');
  };
  response.on('error', () => undefined);
  pump();
}

let bombCache: Buffer | undefined;
/** Made once: compressing 300 MB takes a while. */
function gzipBomb(): Buffer {
  bombCache ??= gzipSync(Buffer.alloc(300 * 1024 * 1024, 0x20), { level: 9 });
  return bombCache;
}

describe.each(TRANSPORTS)('typed failures over %s', (_, createClient) => {
  it.each(BAD_SUCCESS_BODIES)(
    'a success with %s rejects with a response error and is not retried',
    async (_name, status, type, body, problem) => {
      server = await startHostileServer((_request, response) => {
        response.writeHead(status, type ? { 'Content-Type': type } : {});
        response.end(body);
      });
      const client = createClient({ credential: 'token', baseUrl: server.url });
      const error = await rejectionOf(client.updateCart(CUSTOMER_ID, CART_ID, VALID_UPDATE));
      expect(error).toMatchObject({ kind: 'response', problem, status });
      expect((error as { requestId?: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(server.requests).toHaveLength(1);
    },
  );

  it('a connection reset mid-body is a network error, retried with the same request id', async () => {
    const ids: (string | undefined)[] = [];
    server = await startHostileServer((request, response) => {
      ids.push(request.headers['ms-requestid'] as string | undefined);
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('{"id":"', () => request.socket.destroy());
    });
    const client = createClient({ credential: 'token', baseUrl: server.url, retry: { maxRetries: 2, baseDelayMs: 1 } });
    const error = await rejectionOf(client.updateCart(CUSTOMER_ID, CART_ID, VALID_UPDATE));
    expect(error).toMatchObject({ kind: 'network', attempts: 3 });
    expect(new Set(ids).size).toBe(1);
  });

  it('a 50 MB body is refused at maxResponseBytes', async () => {
    server = await startHostileServer((_request, response) => sendHuge(response));
    const client = createClient({ credential: 'token', baseUrl: server.url, maxResponseBytes: 1024 * 1024 });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'response', problem: 'too-large' });
  });

  it('a gzip bomb (300 MB inflated from about 300 kB) is refused at the default cap', async () => {
    const bomb = gzipBomb();
    server = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) });
      response.end(bomb);
    });
    const client = createClient({ credential: 'token', baseUrl: server.url });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'response', problem: 'too-large' });
  });

  it('a small gzipped cart is read whole', async () => {
    server = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      response.end(gzipSync(JSON.stringify({ id: CART_ID, lineItems: [] })));
    });
    const client = createClient({ credential: 'token', baseUrl: server.url });
    await expect(client.getCart(CUSTOMER_ID, CART_ID)).resolves.toEqual({ id: CART_ID, lineItems: [] });
  });

  it('a garbage status line or a server that hangs up at once is a typed network error', async () => {
    server = await startHostileServer((request) => {
      request.socket.end('HTTP/1.1 999999 Nope\r\n\r\n');
    });
    const client = createClient({ credential: 'token', baseUrl: server.url, retry: false });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(isCartClientError(error)).toBe(true);
  });
});
