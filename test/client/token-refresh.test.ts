import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCartClient, PartnerCenterApiError } from '../../src/index.js';
import { cartFor, errorAnswer, type PartnerCenterServer, startPartnerCenterServer } from '../support/partner-center-server.js';

/* Token refresh on 401, against a real loopback server that accepts only the current token. */

let server: PartnerCenterServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serverAccepting(token: () => string): Promise<PartnerCenterServer> {
  server = await startPartnerCenterServer((arrival) =>
    arrival.authorization === `Bearer ${token()}` ? cartFor(arrival) : errorAnswer(401, 800001),
  );
  return server;
}

describe('a 401 refreshes the token once and resends once', () => {
  it('calls credential({ forceRefresh: true }) once and resends with the same MS-RequestId', async () => {
    const { baseUrl, arrivals } = await serverAccepting(() => 'fresh');
    const asked: boolean[] = [];
    const client = createCartClient({
      baseUrl,
      tracing: false,
      credential: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'expired';
      },
    });
    const { response } = await client.withResponse.getCart(randomUUID(), randomUUID());
    expect(asked).toEqual([false, true]);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]?.requestId).toBe(arrivals[0]?.requestId);
    expect(response.attempts).toBe(2);
  });

  it('a second 401 is final and typed, and nothing loops', async () => {
    const { baseUrl, arrivals } = await serverAccepting(() => 'never-issued');
    const asked: boolean[] = [];
    const client = createCartClient({
      baseUrl,
      tracing: false,
      credential: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return 'still-refused';
      },
    });
    const error = await client.getCart(randomUUID(), randomUUID()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartnerCenterApiError);
    expect(error).toMatchObject({ status: 401, errorCode: 800001 });
    expect(asked).toEqual([false, true]);
    expect(arrivals).toHaveLength(2);
  });

  it('ordinary calls ask with forceRefresh exactly false; a static token is sent once and its 401 is final', async () => {
    const { baseUrl, arrivals } = await serverAccepting(() => 'good');
    const asked: unknown[] = [];
    const refreshing = createCartClient({
      baseUrl,
      tracing: false,
      credential: (context) => {
        asked.push(context.forceRefresh);
        return 'good';
      },
    });
    await refreshing.getCart(randomUUID(), randomUUID());
    expect(asked).toEqual([false]);
    const fixed = createCartClient({ baseUrl, tracing: false, credential: 'stale' });
    await expect(fixed.getCart(randomUUID(), randomUUID())).rejects.toMatchObject({ status: 401 });
    expect(arrivals).toHaveLength(2);
  });
});
