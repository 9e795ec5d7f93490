import { createServer, type Server } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isCartClientError } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID, TRANSPORTS } from '../support/hostile-server.js';

/*
 * Outside run (issue 12), cases that held: a raw TCP server writes answers no HTTP library would make (odd
 * statuses, duplicate and huge headers, Content-Length lies, broken chunking, compression lies). Every call settles
 * with a cart or a CartClientError; none hangs past its deadline (the test timeout is the bound) and none rejects
 * with a platform error. (204, 205 and 304 are in outside-crash.test.ts: on the Node entry they crash the process.)
 */

const CART = JSON.stringify({ id: CART_ID, lineItems: [] });
const JSON_TYPE = 'Content-Type: application/json';

function answer(status: string, headers: string[], body: string | Buffer = ''): Buffer {
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status}\r\n${headers.map((header) => `${header}\r\n`).join('')}\r\n`, 'latin1'),
    Buffer.from(body),
  ]);
}
/**
 * A complete answer. It says `Connection: close` because the server closes each connection after one answer: without
 * it a client may send its retry down the connection being closed, and the test would then turn on that race.
 */
const withLength = (status: string, headers: string[], body: string | Buffer): Buffer =>
  answer(status, [...headers, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'], body);

/** [name, what the server writes, 'cart' when a cart must come back, else the error kind]. */
const ANSWERS: [string, () => Buffer, string][] = [
  ['a final 100 Continue', () => answer('100 Continue', []), 'network'],
  ['a 101 without an upgrade asked', () => answer('101 Switching Protocols', ['Upgrade: h2c', 'Connection: Upgrade']), 'network'],
  [
    'a 103 then the cart',
    () => Buffer.concat([answer('103 Early Hints', ['Link: </x>']), withLength('200 OK', [JSON_TYPE], CART)]),
    'cart',
  ],
  ['a 199', () => answer('199 Odd', []), 'network'],
  ["a 418 I'm a teapot", () => withLength("418 I'm a teapot", [JSON_TYPE], '{}'), 'api'],
  ['a 599', () => withLength('599 Whatever', [JSON_TYPE], '{}'), 'api'],
  ['a 600', () => withLength('600 Beyond', [JSON_TYPE], '{}'), 'network'],
  ['a 999 with a cart', () => withLength('999 Beyond', [JSON_TYPE], CART), 'network'],
  ['Content-Type twice', () => withLength('200 OK', [JSON_TYPE, JSON_TYPE], CART), 'response'],
  [
    'two different Content-Lengths',
    () => answer('200 OK', [JSON_TYPE, `Content-Length: ${CART.length}`, `Content-Length: ${CART.length + 5}`], CART),
    'network',
  ],
  ['a 200 kB header', () => withLength('200 OK', [JSON_TYPE, `X-Big: ${'a'.repeat(200_000)}`], CART), 'network'],
  [
    '5 000 headers',
    () => withLength('200 OK', [JSON_TYPE, ...Array.from({ length: 5_000 }, (_, index) => `X-H${index}: v`)], CART),
    'network',
  ],
  ['a Content-Length shorter than the body', () => answer('200 OK', [JSON_TYPE, 'Content-Length: 5'], CART), 'response'],
  ['a Content-Length longer than the body', () => answer('200 OK', [JSON_TYPE, `Content-Length: ${CART.length + 100}`], CART), 'network'],
  ['a negative Content-Length', () => answer('200 OK', [JSON_TYPE, 'Content-Length: -1'], CART), 'network'],
  [
    'Content-Length with chunked',
    () =>
      answer(
        '200 OK',
        [JSON_TYPE, 'Content-Length: 3', 'Transfer-Encoding: chunked'],
        `${CART.length.toString(16)}\r\n${CART}\r\n0\r\n\r\n`,
      ),
    'network',
  ],
  [
    'a chunk size that is not hex',
    () => answer('200 OK', [JSON_TYPE, 'Transfer-Encoding: chunked'], 'zz\r\nhello\r\n0\r\n\r\n'),
    'network',
  ],
  ['a chunk of 2^64 bytes', () => answer('200 OK', [JSON_TYPE, 'Transfer-Encoding: chunked'], 'ffffffffffffffff\r\nhello'), 'network'],
  ['brotli', () => withLength('200 OK', [JSON_TYPE, 'Content-Encoding: br'], brotliCompressSync(CART)), 'cart'],
  ['a header name with a space', () => withLength('200 OK', [JSON_TYPE, 'X Bad: 1'], CART), 'network'],
  ['a NUL in a header value', () => withLength('200 OK', [JSON_TYPE, 'X-N: a\0b'], CART), 'network'],
  ['obs-text in a header value', () => withLength('200 OK', [JSON_TYPE, 'X-O: \xff\xfe'], CART), 'cart'],
  ['HTTP/1.0 with no length, closed', () => Buffer.from(`HTTP/1.0 200 OK\r\n${JSON_TYPE}\r\n\r\n${CART}`), 'cart'],
  ['HTTP/0.9 (a bare body)', () => Buffer.from(CART), 'network'],
  ['Retry-After twice on a 503', () => withLength('503 Down', [JSON_TYPE, 'Retry-After: 1', 'Retry-After: 2'], '{}'), 'api'],
  [
    'Retry-After in year 9999 on a 429',
    () => withLength('429 Slow', [JSON_TYPE, 'Retry-After: Fri, 31 Dec 9999 23:59:59 GMT'], '{}'),
    'api',
  ],
  ['Retry-After of 99 999 999 s on a 500', () => withLength('500 Down', [JSON_TYPE, 'Retry-After: 99999999'], '{}'), 'api'],
];

/** Transport-dependent, each typed: gzip with a plain body, raw deflate, gzip applied twice. */
const COMPRESSION_LIES: [string, () => Buffer][] = [
  ['gzip named, plain body sent', () => withLength('200 OK', [JSON_TYPE, 'Content-Encoding: gzip'], CART)],
  ['deflate named, raw deflate sent', () => withLength('200 OK', [JSON_TYPE, 'Content-Encoding: deflate'], deflateRawSync(CART))],
  ['gzip, gzip', () => withLength('200 OK', [JSON_TYPE, 'Content-Encoding: gzip, gzip'], gzipSync(gzipSync(CART)))],
];

let server: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Answers every request (once its headers are in) with `reply()`, then closes the connection. */
async function rawServer(reply: () => Buffer): Promise<string> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (data) => {
      received += String(data);
      if (received.includes('\r\n\r\n')) {
        received = '';
        socket.end(reply());
      }
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.each(TRANSPORTS)('raw hostile answers over %s', (_, createClient) => {
  const options = {
    credential: 'token',
    retry: { maxRetries: 1, baseDelayMs: 1 },
    timeouts: { attemptMs: 2_000, overallMs: 5_000 },
    validateResponses: 'off',
  } as const;

  it.each(ANSWERS)('%s settles as expected', async (_name, reply, expected) => {
    const client = createClient({ ...options, baseUrl: await rawServer(reply) });
    const outcome = await client.getCart(CUSTOMER_ID, CART_ID).then(
      (cart) => (cart.id === CART_ID ? 'cart' : 'wrong cart'),
      (error: unknown) => (isCartClientError(error) ? error.kind : `untyped ${String(error)}`),
    );
    expect(outcome).toBe(expected);
  });

  it.each(COMPRESSION_LIES)('%s gives the cart or a typed error', async (_name, reply) => {
    const client = createClient({ ...options, baseUrl: await rawServer(reply) });
    const outcome = await client.getCart(CUSTOMER_ID, CART_ID).then(
      () => 'cart',
      (error: unknown) => (isCartClientError(error) ? error.kind : `untyped ${String(error)}`),
    );
    expect(['cart', 'network', 'response']).toContain(outcome);
  });
});
