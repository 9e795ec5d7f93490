import type { IncomingMessage } from 'node:http';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CartClientLogger } from '../../src/index.js';
import { CART_ID, CUSTOMER_ID, PLAIN_SECRET, rejectionOf, sendJson, TRANSPORTS } from '../support/hostile-server.js';
import { everyRendering, serversClosedAfterEach } from '../support/outside-run.js';

/*
 * Outside run (issue 12): where the token could still surface besides the error a call rejects with. The first run
 * found hooks and the logger hearing of errors before they were scrubbed (the error hook is called inside the
 * pipeline, and for typed calls it was called before the answer's error was scrubbed), and the deviations of drift
 * reporting quoting the answer as it came; every event and report is now scrubbed first.
 */

/** A logger and hooks that keep everything they are given, rendered. */
function listeners(): {
  seen: string[];
  logger: CartClientLogger;
  hooks: Record<'request' | 'response' | 'retry' | 'error', (event: unknown) => void>;
} {
  const seen: string[] = [];
  const line = (text: string): void => void seen.push(text);
  const event = (payload: unknown): void => void seen.push(everyRendering(payload));
  return {
    seen,
    logger: { debug: line, info: line, warn: line, error: line },
    hooks: { request: event, response: event, retry: event, error: event },
  };
}

const echo401 = (request: IncomingMessage, response: import('node:http').ServerResponse): void =>
  sendJson(response, 401, {
    code: 800001,
    description: `token ${request.headers.authorization} is expired`,
    data: [],
    source: 'PartnerFD',
  });

const startServer = serversClosedAfterEach();

describe.each(TRANSPORTS)('secrets outside the rejection over %s', (_, createClient) => {
  it('a 401 that echoes the token reaches neither the error log line nor the error hook', async () => {
    const server = await startServer(echo401);
    const { seen, logger, hooks } = listeners();
    const client = createClient({ credential: PLAIN_SECRET, baseUrl: server.url, retry: false, logger, hooks });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(everyRendering(error)).not.toContain(PLAIN_SECRET); // the rejection itself is scrubbed (held before)
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((text) => text.includes(PLAIN_SECRET))).toEqual([]);
  });

  it('a fetch whose own error quotes the token does not put it in the log lines or hook events', async () => {
    const { seen, logger, hooks } = listeners();
    const client = createClient({
      credential: async () => PLAIN_SECRET,
      baseUrl: 'http://127.0.0.1:9',
      retry: { maxRetries: 1, baseDelayMs: 1 },
      logger,
      hooks,
      fetch: async (_input, init) => {
        throw new Error(`proxy refused ${new Headers(init.headers).get('Authorization')?.slice('Bearer '.length)}`);
      },
    });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'network' });
    expect(everyRendering(error)).not.toContain(PLAIN_SECRET);
    expect(seen.filter((text) => text.includes(PLAIN_SECRET))).toEqual([]);
  });

  it('an answer echoing the token into fields of the wrong type does not hand it to onResponseDeviation', async () => {
    const server = await startServer((request, response) =>
      sendJson(response, 200, { id: CART_ID, lineItems: [{ catalogItemId: 7, quantity: `x ${request.headers.authorization}` }] }),
    );
    const reports: string[] = [];
    const client = createClient({
      credential: PLAIN_SECRET,
      baseUrl: server.url,
      onResponseDeviation: (report) => reports.push(everyRendering(report)),
    });
    await client.getCart(CUSTOMER_ID, CART_ID);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.filter((text) => text.includes(PLAIN_SECRET))).toEqual([]);
  });

  it('a response header echoing the token does not reach the response hook', async () => {
    const server = await startServer((request, response) =>
      sendJson(response, 200, { id: CART_ID }, { 'X-Echo': String(request.headers.authorization) }),
    );
    const { seen, hooks } = listeners();
    const client = createClient({ credential: PLAIN_SECRET, baseUrl: server.url, hooks, validateResponses: 'off' });
    await client.getCart(CUSTOMER_ID, CART_ID);
    expect(seen.filter((text) => text.includes(PLAIN_SECRET))).toEqual([]);
  });

  it('strict mode: a contract error quoting the echoed token in its deviations leaks it nowhere (fixed)', async () => {
    const server = await startServer((request, response) =>
      sendJson(response, 200, { id: CART_ID, status: 12, lineItems: [{ quantity: `x ${request.headers.authorization}` }] }),
    );
    const client = createClient({ credential: async () => PLAIN_SECRET, baseUrl: server.url, validateResponses: 'strict' });
    const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
    expect(error).toMatchObject({ kind: 'contract' });
    expect(everyRendering(error)).toContain('[redacted]');
    expect(everyRendering(error)).not.toContain(PLAIN_SECRET);
  });

  it.each([
    ['a double quote', 'tok"en-SECRET-41c2'],
    ['a backslash', 'tok\\en-SECRET-41c2'],
  ])('a token holding %s echoed into data is scrubbed there too (fixed)', async (_name, token) => {
    const server = await startServer((request, response) =>
      sendJson(response, 401, { code: 800001, description: 'no', data: [{ [token]: String(request.headers.authorization) }] }),
    );
    const client = createClient({ credential: async () => token, baseUrl: server.url, retry: false });
    const error = (await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))) as { data: unknown[] };
    expect(error).toMatchObject({ kind: 'api', status: 401 });
    expect(JSON.stringify(error.data)).not.toContain(JSON.stringify(token).slice(1, -1));
    expect(inspect(error.data, { depth: 5 })).not.toContain(token);
  });
});
