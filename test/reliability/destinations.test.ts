import { afterEach, describe, expect, it } from 'vitest';
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
 * One rule for where a request may go (https, or plain http to loopback only; no credentials in the URL), applied
 * to the base URL, to every client.raw call's own baseUrl, and no redirect ever followed with the token or body.
 */

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(...args: Parameters<typeof startHostileServer>): Promise<HostileServer> {
  const server = await startHostileServer(...args);
  servers.push(server);
  return server;
}

describe('baseUrl at creation', () => {
  it.each([
    ['plain http to another host', 'http://other.example', 'https'],
    ['user:password@', 'https://user:hunter2-password@api.partnercenter.microsoft.com', 'user:password@'],
    ['a query', 'https://api.partnercenter.microsoft.com/?x=1', 'query or fragment'],
    ['a fragment', 'https://api.partnercenter.microsoft.com/#top', 'query or fragment'],
  ])('refuses %s and says what to pass instead, quoting no password', (_, baseUrl, reason) => {
    const [, create] = TRANSPORTS[0] ?? [];
    expect(() => create?.({ credential: 'token', baseUrl })).toThrow(reason);
    try {
      create?.({ credential: 'token', baseUrl });
    } catch (error) {
      expect(String((error as Error).stack)).not.toContain('hunter2');
      expect((error as Error).message).toContain('such as https://api.partnercenter.microsoft.com');
    }
  });
});

describe.each(TRANSPORTS)('destinations over %s', (_, createClient) => {
  it('refuses a client.raw call whose own baseUrl is plain http to another host, sending nothing', async () => {
    let asked = 0;
    const client = createClient({
      credential: () => {
        asked += 1;
        return 'token';
      },
      baseUrl: 'http://127.0.0.1:9',
    });
    const error = await rejectionOf(
      client.raw.GET('/v1/customers/{customer-id}/carts/{cart-id}', {
        baseUrl: 'http://other.example',
        params: { path: { 'customer-id': CUSTOMER_ID, 'cart-id': CART_ID } },
      }),
    );
    expect(error).toMatchObject({ kind: 'validation', violations: [{ path: 'baseUrl', rule: 'destination' }] });
    expect(asked).toBe(0);
  });

  it.each([301, 302, 303, 307, 308])('does not follow a %i to another origin: the other server gets nothing', async (status) => {
    const elsewhere = await start((_request, response) => response.end('{}'));
    const origin = await start((_request, response) => {
      response.writeHead(status, { Location: `${elsewhere.url.replace('127.0.0.1', 'localhost')}/steal` });
      response.end();
    });
    const client = createClient({ credential: 'token', baseUrl: origin.url, retry: false });
    const error = await rejectionOf(client.updateCart(CUSTOMER_ID, CART_ID, VALID_UPDATE));
    expect(error).toMatchObject({ kind: 'api', status });
    expect((error as Error).message).toContain('follows no redirect');
    expect(elsewhere.requests).toHaveLength(0);
    expect(origin.requests).toHaveLength(1);
  });

  it('does not follow a redirect to the same origin either (a 3xx is an error to the typed calls)', async () => {
    const origin = await start((request, response) => {
      if (request.url === '/moved') return void response.end('{}');
      response.writeHead(307, { Location: '/moved' });
      response.end();
    });
    const client = createClient({ credential: 'token', baseUrl: origin.url, retry: false });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'api', status: 307 });
    expect(origin.requests.map((request) => request.url)).not.toContain('/moved');
  });
});
