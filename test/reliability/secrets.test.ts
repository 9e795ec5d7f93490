import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CART_ID,
  CUSTOMER_ID,
  type HostileServer,
  PLAIN_SECRET,
  rejectionOf,
  SECRET,
  sendJson,
  startHostileServer,
  TRANSPORTS,
} from '../support/hostile-server.js';

/*
 * No secret in any rendering of an error: message, stack, String, JSON.stringify, util.inspect with causes and
 * hidden properties; whether the token is echoed by the server or quoted by the token provider's own error.
 */

function renderings(error: unknown): string {
  const asError = error as Error;
  return [String(error), asError.message, asError.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join(
    '\n',
  );
}

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(TRANSPORTS)('secrets over %s', (_, createClient) => {
  it.each([
    ['a JWT-shaped token', SECRET],
    ['a token of no known shape', PLAIN_SECRET],
  ])('a 401 that echoes %s in its description, data and source leaks it nowhere', async (_name, token) => {
    server = await startHostileServer((request, response) =>
      sendJson(response, 401, {
        code: 800001,
        description: `token ${request.headers.authorization} is expired`,
        data: [request.headers.authorization, { nested: token }],
        source: token,
      }),
    );
    const client = createClient({ credential: async () => token, baseUrl: server.url, retry: false });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'api', status: 401 });
    expect(renderings(error)).not.toContain(token);
    expect(renderings(error)).toContain('[redacted]');
  });

  it('an HTML 500 page that echoes the token leaks it nowhere', async () => {
    server = await startHostileServer((request, response) => {
      response.writeHead(500, { 'Content-Type': 'text/html' });
      response.end(`<html><body>Your header was ${request.headers.authorization}</body></html>`);
    });
    const client = createClient({ credential: PLAIN_SECRET, baseUrl: server.url, retry: false });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'api', status: 500 });
    expect(renderings(error)).not.toContain(PLAIN_SECRET);
  });

  it('a token provider whose error quotes a JWT leaks it nowhere, and the caller error object is left alone', async () => {
    const thrown = new Error(`refresh failed for ${SECRET}`, { cause: new TypeError(`Bearer ${SECRET}`) });
    const client = createClient({
      credential: () => {
        throw thrown;
      },
      baseUrl: 'http://127.0.0.1:9',
    });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'credential' });
    expect(renderings(error)).not.toContain(SECRET);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(((error as Error).cause as Error).cause).toBeInstanceOf(TypeError);
    expect(thrown.message).toContain(SECRET);
  });

  it('a token provider that gave a token once and then throws an error quoting it leaks it nowhere', async () => {
    server = await startHostileServer((_request, response) => sendJson(response, 200, { id: CART_ID }));
    let calls = 0;
    const client = createClient({
      credential: () => {
        calls += 1;
        if (calls === 1) return PLAIN_SECRET;
        throw new Error(`could not refresh ${PLAIN_SECRET}`);
      },
      baseUrl: server.url,
    });
    await client.getCart(CUSTOMER_ID, CART_ID);
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'credential' });
    expect(renderings(error)).not.toContain(PLAIN_SECRET);
  });

  it('a network failure and a timeout carry no token', async () => {
    server = await startHostileServer((request) => request.socket.destroy());
    const client = createClient({ credential: PLAIN_SECRET, baseUrl: server.url, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'network', attempts: 2 });
    expect(renderings(error)).not.toContain(PLAIN_SECRET);
  });
});
