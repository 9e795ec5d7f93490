import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { CartUpdate } from '../../src/index.js';
import { createCartClient } from '../../src/node.js';
import { CART_ID, CUSTOMER_ID, rejectionOf, sendJson, VALID_UPDATE } from '../support/hostile-server.js';
import { serversClosedAfterEach } from '../support/outside-run.js';

/*
 * Second outside run (issues 12 and 14): token refresh and the response metadata against hostile providers and
 * servers. Everything here held: each call asks for a forced refresh at most once and resends at most once, however
 * the provider and the server behave, and `withResponse` counts every attempt on every path.
 */

const startServer = serversClosedAfterEach();
const CART = { id: CART_ID, lineItems: [] };

/** Answers from `script` in order (a status, or a status with headers), then 200 with the cart and MS-CV/MS-ServerId. */
function scripted(script: (number | [number, Record<string, string>])[]) {
  let index = 0;
  return (_request: IncomingMessage, response: ServerResponse): void => {
    const step = script[index++] ?? 200;
    const [status, headers] = typeof step === 'number' ? [step, {}] : step;
    if (status === 200)
      return void sendJson(response, 200, CART, {
        'MS-CV': `cv.${index}`,
        'MS-ServerId': 'srv-1',
        'MS-RequestId': _request.headers['ms-requestid'] as string,
      });
    sendJson(response, status, { code: 800003, description: 'no', data: [] }, headers);
  };
}

/** A provider that records how it was asked. */
function recordingProvider(token: (forceRefresh: boolean) => string | Promise<string>) {
  const asked: boolean[] = [];
  return {
    asked,
    credential: ({ forceRefresh }: { forceRefresh: boolean }) => {
      asked.push(forceRefresh);
      return token(forceRefresh);
    },
  };
}

/** A server answering `script`, a provider giving a stale token unless forced, and a client retrying at once. */
async function staleThenFresh(script: number[]) {
  const server = await startServer(scripted(script));
  const provider = recordingProvider((forced) => (forced ? 'fresh-token-123' : 'stale-token-123'));
  const client = createCartClient({
    credential: provider.credential,
    baseUrl: server.url,
    retry: { baseDelayMs: 1 },
    validateResponses: 'off',
  });
  return { server, provider, client };
}

describe('token refresh against hostile providers', () => {
  it('a provider that returns the same token after forceRefresh: one resend, then the 401 is final', async () => {
    const server = await startServer(scripted([401, 401, 401, 401]));
    const provider = recordingProvider(() => 'the-same-token-1234');
    const client = createCartClient({ credential: provider.credential, baseUrl: server.url, validateResponses: 'off' });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'api', status: 401 });
    expect(provider.asked).toEqual([false, true]);
    expect(server.requests).toHaveLength(2);
  });

  it('20 calls refused at once while refresh is slow: 20 forced refreshes (one per call), 40 requests, all succeed', async () => {
    let current = 'old-token-abcdef';
    const server = await startServer((request, response) =>
      request.headers.authorization === 'Bearer new-token-abcdef'
        ? sendJson(response, 200, CART)
        : sendJson(response, 401, { code: 800001, data: [] }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }),
    );
    const provider = recordingProvider(async (forceRefresh) => {
      if (!forceRefresh) return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = 'new-token-abcdef';
      return current;
    });
    const client = createCartClient({ credential: provider.credential, baseUrl: server.url, validateResponses: 'off' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.withResponse.getCart(CUSTOMER_ID, CART_ID)));
    expect(answers.map((answer) => answer.response.attempts)).toEqual(Array.from({ length: 20 }, () => 2));
    expect(provider.asked.filter((forced) => forced)).toHaveLength(20);
    expect(provider.asked.filter((forced) => !forced)).toHaveLength(20);
    expect(server.requests).toHaveLength(40);
  });

  it('a 401 with or without WWW-Authenticate is refreshed alike', async () => {
    const variants: Record<string, string>[] = [{}, { 'WWW-Authenticate': 'Bearer realm="x", error="invalid_token"' }];
    for (const headers of variants) {
      const server = await startServer(scripted([[401, headers]]));
      const provider = recordingProvider((forced) => (forced ? 'fresh-token-123' : 'stale-token-123'));
      const client = createCartClient({ credential: provider.credential, baseUrl: server.url, validateResponses: 'off' });
      const { response } = await client.withResponse.getCart(CUSTOMER_ID, CART_ID);
      expect(response.attempts).toBe(2);
      expect(server.requests.map((request) => request.authorization)).toEqual(['Bearer stale-token-123', 'Bearer fresh-token-123']);
    }
  });

  it('a 401 after a retry is refreshed once; a 401 after the resend’s own retry is final', async () => {
    const { provider, client } = await staleThenFresh([503, 401]);
    const { response } = await client.withResponse.getCart(CUSTOMER_ID, CART_ID);
    expect(response.attempts).toBe(3);
    expect(provider.asked).toEqual([false, false, true]);

    const { server: twice, provider: again, client: other } = await staleThenFresh([401, 503, 401, 401]);
    expect(await rejectionOf(other.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ status: 401 });
    expect(again.asked).toEqual([false, true, false]);
    expect(twice.requests).toHaveLength(3);
  });

  it('a static token’s 401 is final at once; a provider that hangs or throws only on refresh ends typed', async () => {
    const server = await startServer(scripted([401, 401, 401]));
    const fixed = createCartClient({ credential: 'static-token-123', baseUrl: server.url, validateResponses: 'off' });
    expect(await rejectionOf(fixed.withResponse.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(1);

    const refusing = await startServer((_request, response) => sendJson(response, 401, { code: 800001, data: [] }));
    const hangs = createCartClient({
      credential: ({ forceRefresh }) => (forceRefresh ? new Promise<string>(() => undefined) : 'stale-token-123'),
      baseUrl: refusing.url,
      timeouts: { overallMs: 100 },
      validateResponses: 'off',
    });
    expect(await rejectionOf(hangs.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'timeout' });
    const throws = createCartClient({
      credential: ({ forceRefresh }) => {
        if (forceRefresh) throw new Error('identity platform down');
        return 'stale-token-123';
      },
      baseUrl: refusing.url,
      validateResponses: 'off',
    });
    expect(await rejectionOf(throws.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({
      kind: 'credential',
      message: expect.stringContaining('after a 401'),
    });
  });
});

describe('withResponse metadata on every path', () => {
  it('getCart, updateCart and modifyCart give status, ids as sent, MS-CV, MS-ServerId, attempts and time', async () => {
    const server = await startServer(scripted([503, 200, 429, 200, 200]));
    const client = createCartClient({
      credential: async () => 'token-123456',
      baseUrl: server.url,
      retry: { baseDelayMs: 1 },
      validateResponses: 'off',
    });
    const requestId = '0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    const correlationId = '1f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    const got = await client.withResponse.getCart(CUSTOMER_ID, CART_ID, { requestId, correlationId });
    expect(got.response).toMatchObject({ status: 200, attempts: 2, requestId, correlationId, cv: 'cv.2', serverId: 'srv-1' });
    expect(got.response.durationMs).toBeGreaterThanOrEqual(0);
    const put = await client.withResponse.updateCart(CUSTOMER_ID, CART_ID, VALID_UPDATE as CartUpdate);
    expect(put.response).toMatchObject({ status: 200, attempts: 2 });
    const modified = await client.withResponse.modifyCart(CUSTOMER_ID, CART_ID, () => undefined, { correlationId });
    // The metadata is the PUT's: one attempt, its own request id, the shared correlation id.
    expect(modified.response).toMatchObject({ status: 200, attempts: 1, correlationId });
    const [getOfModify, putOfModify] = server.requests.slice(-2);
    expect(getOfModify?.method).toBe('GET');
    expect(putOfModify?.method).toBe('PUT');
    expect(modified.response.requestId).not.toBe(requestId);
  });

  it('per-call overrides: retry false gives one attempt, a call’s retry count and deadline win over the client’s', async () => {
    const server = await startServer(scripted([503, 503, 503, 503]));
    const client = createCartClient({
      credential: 'token-123456',
      baseUrl: server.url,
      retry: { maxRetries: 0 },
      validateResponses: 'off',
    });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID, { retry: false }))).toMatchObject({ status: 503 });
    const { response } = await client.withResponse.getCart(CUSTOMER_ID, CART_ID, { retry: { maxRetries: 3, baseDelayMs: 1 } });
    expect(response.attempts).toBe(4);
    const stall = await startServer(() => undefined);
    const slow = createCartClient({ credential: 'token-123456', baseUrl: stall.url, validateResponses: 'off' });
    expect(
      await rejectionOf(slow.getCart(CUSTOMER_ID, CART_ID, { timeouts: { attemptMs: 20 }, retry: { maxRetries: 1, baseDelayMs: 1 } })),
    ).toMatchObject({
      kind: 'timeout',
      attempts: 2,
    });
  });
});
