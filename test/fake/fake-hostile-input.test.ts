import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCartService, MAX_JSON_DEPTH, startFakeCartService } from '../../src/fake/index.js';
import { fetchCartDriver } from '../support/cart-driver.js';
import { activeCart, m365Line, updateBody } from '../support/cart-fixtures.js';

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** `{"x":{"x":...{"x":1}}}` with `depth` nested objects, built as text so nothing here recurses. */
function nestedObjectText(depth: number): string {
  return `${'{"x":'.repeat(depth - 1)}{"x":1}${'}'.repeat(depth - 1)}`;
}

function cartUrl(service: FakeCartService, customerId: string, cartId: string): string {
  return `${service.url}/v1/customers/${customerId}/carts/${cartId}`;
}

/** Sends a PUT whose body is streamed in chunks (no Content-Length), answering status and parsed body. */
async function putChunked(url: string, chunks: number, chunk: string): Promise<{ status: number; body: unknown }> {
  const request = httpRequest(url, {
    method: 'PUT',
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
  });
  const answered = once(request, 'response');
  // The server may answer (and close) before every chunk is written: stop writing then, as a client would.
  request.on('error', () => undefined);
  for (let index = 0; index < chunks && !request.destroyed; index++) {
    if (!request.write(chunk)) await Promise.race([once(request, 'drain'), answered]);
  }
  request.end();
  const [response] = (await answered) as [import('node:http').IncomingMessage];
  let text = '';
  for await (const part of response) text += String(part);
  return { status: response.statusCode ?? 0, body: JSON.parse(text) as unknown };
}

/** Opens a raw connection, writes `text`, and collects what the server sends until it closes the connection. */
async function sendRawAndWaitForClose(port: number, text: string, keepWriting?: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (data) => {
    received += String(data);
  });
  socket.on('error', () => undefined);
  socket.write(text);
  if (keepWriting !== undefined) socket.write(keepWriting);
  await once(socket, 'close');
  return received;
}

describe('fake cart service: hostile input', () => {
  it('refuses a body over 1 MiB with 400 / 800002 (declared by Content-Length or streamed in chunks), storing nothing', async () => {
    fake = await startFakeCartService();
    const seed = activeCart();
    const before = fake.seedCart(seed);
    const api = fetchCartDriver(fake.url);
    const oversized = updateBody(2, { padding: 'x'.repeat(1024 * 1024) });
    const declared = await api.updateCart(seed.customerId, seed.id, oversized);
    expect(declared.status).toBe(400);
    expect(declared.body).toMatchObject({ code: 800002, description: expect.stringContaining('larger than the 1048576 bytes') });
    const streamed = await putChunked(cartUrl(fake, seed.customerId, seed.id), 40, 'x'.repeat(64 * 1024));
    expect(streamed.status).toBe(400);
    expect(streamed.body).toMatchObject({ code: 800002, description: expect.stringContaining('larger than') });
    expect(fake.cart(seed.customerId, seed.id)).toEqual(before);
    expect((await api.getCart(seed.customerId, seed.id)).status).toBe(200);
  });

  it('refuses an unknown property nested 100 000 deep with 400 / 800002, and the cart stays readable and updatable', async () => {
    fake = await startFakeCartService();
    const seed = activeCart();
    const before = fake.seedCart(seed);
    const api = fetchCartDriver(fake.url);
    const hostile = `{"lineItems":[${JSON.stringify(m365Line)}],"extension":${nestedObjectText(100_000)}}`;
    const refused = await api.updateCart(seed.customerId, seed.id, hostile);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 800002,
      description: expect.stringContaining(`more than ${MAX_JSON_DEPTH} levels deep (at extension.x.x`),
    });
    const read = await api.getCart(seed.customerId, seed.id);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(before);
    expect((await api.updateCart(seed.customerId, seed.id, updateBody(6))).status).toBe(201);
  });

  it('refuses to seed a cart nested too deep, so not even a seeded cart can become unreadable', async () => {
    fake = await startFakeCartService();
    const service = fake;
    const seed = activeCart({ extraProperties: { extension: JSON.parse(nestedObjectText(100_000)) as Record<string, unknown> } });
    expect(() => service.seedCart(seed)).toThrow(`more than ${MAX_JSON_DEPTH} levels deep (at extension.x.x`);
    expect(service.cart(seed.customerId, seed.id)).toBeUndefined();
  });

  it(`accepts a body exactly ${MAX_JSON_DEPTH} levels deep and refuses one level more`, async () => {
    fake = await startFakeCartService();
    const seed = activeCart();
    fake.seedCart(seed);
    const api = fetchCartDriver(fake.url);
    // The cart object itself is level 1, so the extension may nest MAX_JSON_DEPTH - 1 objects.
    const atLimit = `{"lineItems":[${JSON.stringify(m365Line)}],"extension":${nestedObjectText(MAX_JSON_DEPTH - 1)}}`;
    const overLimit = `{"lineItems":[${JSON.stringify(m365Line)}],"extension":${nestedObjectText(MAX_JSON_DEPTH)}}`;
    expect((await api.updateCart(seed.customerId, seed.id, atLimit)).status).toBe(201);
    expect((await api.updateCart(seed.customerId, seed.id, overLimit)).status).toBe(400);
    expect((await api.getCart(seed.customerId, seed.id)).status).toBe(200);
  });

  it('answers a path with broken percent-encoding (%ZZ) with 400 / 800002, not 500', async () => {
    fake = await startFakeCartService();
    for (const method of ['GET', 'PUT']) {
      const response = await fetch(`${fake.url}/v1/customers/%ZZ/carts/${randomUUID()}`, {
        method,
        headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
        body: method === 'PUT' ? JSON.stringify(updateBody(1)) : undefined,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 800002, description: expect.stringContaining('percent-encoding') });
    }
  });

  it('closes with 408 a client that never finishes its headers, and one that never finishes its body', async () => {
    fake = await startFakeCartService({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const seed = activeCart();
    fake.seedCart(seed);
    const path = `/v1/customers/${seed.customerId}/carts/${seed.id}`;
    const stalledHeaders = await sendRawAndWaitForClose(
      fake.port,
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n`,
    );
    expect(stalledHeaders).toMatch(/^HTTP\/1\.1 408/);
    const stalledBody = await sendRawAndWaitForClose(
      fake.port,
      `PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
      '{"lineItems":',
    );
    expect(stalledBody).toMatch(/^HTTP\/1\.1 408/);
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toEqual([]);
  });

  it('refuses timeouts that cannot work', async () => {
    await expect(startFakeCartService({ headersTimeoutMs: 0 })).rejects.toThrow(/headersTimeoutMs/);
    await expect(startFakeCartService({ headersTimeoutMs: 2000, requestTimeoutMs: 1000 })).rejects.toThrow(
      /requestTimeoutMs >= headersTimeoutMs/,
    );
  });
});
