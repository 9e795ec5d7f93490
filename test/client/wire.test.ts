import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCartClient } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID, serviceCart, TOKEN } from '../support/observed-fetch.js';

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('on the wire (a real loopback HTTP server and the platform fetch)', () => {
  const received: Received[] = [];
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    let calls = 0;
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        calls += 1;
        // The first PUT is throttled once, to see the retry on the wire.
        if (request.method === 'PUT' && calls === 2) {
          response.writeHead(429, { 'Retry-After': '0', 'Content-Type': 'application/json' }).end('{"code":429,"description":"slow down"}');
          return;
        }
        const body = request.method === 'PUT' ? Buffer.concat(chunks).toString('utf8') : JSON.stringify(serviceCart());
        response
          .writeHead(request.method === 'PUT' ? 201 : 200, {
            'Content-Type': 'application/json; charset=utf-8',
            'MS-RequestId': String(request.headers['ms-requestid']),
          })
          .end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('sends every header the policies promise, the same request id on the retry, and the body intact', async () => {
    const correlationId = 'aaaa0000-bb11-4222-83cc-444444dddddd';
    const client = createCartClient({ credential: async () => TOKEN, baseUrl, correlationId, locale: 'fr-FR', retry: { baseDelayMs: 1 } });
    const updated = await client.modifyCart(CUSTOMER_ID, CART_ID, (cart) => {
      const [line] = cart.lineItems ?? [];
      if (line) line.quantity = 4;
    });
    expect(updated.lineItems?.[0]?.quantity).toBe(4);

    expect(received.map((request) => request.method)).toEqual(['GET', 'PUT', 'PUT']);
    for (const request of received) {
      expect(request.url).toBe(`/v1/customers/${CUSTOMER_ID}/carts/${CART_ID}`);
      expect(request.headers).toMatchObject({
        authorization: `Bearer ${TOKEN}`,
        'ms-correlationid': correlationId,
        'x-locale': 'fr-FR',
        'ms-partnercenter-client': 'partner-center-cart-contract',
      });
    }
    const [get, put, retriedPut] = received;
    expect(put?.headers['ms-requestid']).toBe(retriedPut?.headers['ms-requestid']);
    expect(get?.headers['ms-requestid']).not.toBe(put?.headers['ms-requestid']);
    expect(put?.headers['content-type']).toBe('application/json');
    expect(retriedPut?.body).toBe(put?.body);
    expect(JSON.parse(put?.body ?? '{}')).toMatchObject({
      futureCartFlag: { nested: [1, 2, 3] },
      lineItems: [{ quantity: 4, futureLineField: 'kept' }],
    });
  });
});
