import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { createCartClient } from '../../src/node.js';
import { activeCart } from '../support/cart-fixtures.js';
import { CART_ID, CUSTOMER_ID, PLAIN_SECRET, rejectionOf, sendJson } from '../support/hostile-server.js';
import { serversClosedAfterEach } from '../support/outside-run.js';

/*
 * Second outside run (issues 12 and 14): throttling under hostile 429s. Found: a call queued at a gate with
 * `timeouts.overallMs` above what a timer holds (Infinity, or more than 24.8 days; both accepted as settings) timed
 * out at once, because the queue's deadline timer overflowed and fired after 1 ms; and a customer id written with
 * percent-encoding (`%64` for `d`) was a different customer to the client's pause but the same one to the service,
 * so a `client.raw` call reached the service inside the pause. Assertions use what the servers saw and the order
 * of arrivals, never elapsed time.
 */

const startServer = serversClosedAfterEach();
let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const CART = { id: CART_ID, lineItems: [] };
const cartPath = (customer: string): string => `/v1/customers/${customer}/carts/${CART_ID}`;

/** A server answering 429 with `retryAfter` to the first request for each customer listed, 200 to every other. */
function throttlingServer(retryAfter: string, customers: string[] = [CUSTOMER_ID]) {
  const throttled = new Set(customers.map((customer) => customer.toLowerCase()));
  return startServer((request, response) => {
    const customer = /\/customers\/([^/]+)/.exec(request.url ?? '')?.[1]?.toLowerCase() ?? '';
    if (throttled.delete(decodeURIComponent(customer)))
      return sendJson(response, 429, { code: 800003, description: 'throttled', data: [] }, { 'Retry-After': retryAfter });
    sendJson(response, 200, CART);
  });
}

describe('hostile Retry-After values', () => {
  it('0, a date in the past and garbage pause nobody: the next call is sent at once', async () => {
    for (const retryAfter of ['0', 'Wed, 21 Oct 2015 07:28:00 GMT', '-5', '1.5', 'soon', `${'9'.repeat(400)}x`]) {
      const server = await throttlingServer(retryAfter);
      const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, retry: false, validateResponses: 'off' });
      expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ status: 429 });
      await client.getCart(CUSTOMER_ID, CART_ID, { timeouts: { overallMs: 10_000 } });
      expect(server.requests).toHaveLength(2);
    }
  });

  it('huge seconds and a date far in the future pause the customer for maxPauseMs, not longer, and nobody else', async () => {
    for (const retryAfter of ['99999999999999999999', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
      const other = randomUUID();
      const server = await throttlingServer(retryAfter);
      const client = createCartClient({
        credential: PLAIN_SECRET,
        baseUrl: server.url,
        throttling: { maxPauseMs: 300 },
        validateResponses: 'off',
      });
      // The call itself gives up at once: its own wait would pass maxElapsedMs.
      expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ status: 429 });
      const paused = client.getCart(CUSTOMER_ID, CART_ID);
      await client.getCart(other, CART_ID);
      await paused;
      // The other customer's call arrived before the paused one, which waited 300 ms and then went on.
      expect(server.requests.map((request) => request.url)).toEqual([cartPath(CUSTOMER_ID), cartPath(other), cartPath(CUSTOMER_ID)]);
    }
  });

  it('a 429 storm over 100 customers at once: every call ends, none is sent inside its customer’s pause', async () => {
    const customers = Array.from({ length: 100 }, () => randomUUID());
    const server = await throttlingServer('1', customers);
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, validateResponses: 'off' });
    await Promise.all(customers.map((customer) => client.getCart(customer, CART_ID)));
    // Each customer: its 429, then its retry; nothing else was sent.
    expect(server.requests).toHaveLength(200);
  });
});

describe('who counts as the same customer', () => {
  it('ids differing only in case share one pause', async () => {
    const server = await throttlingServer('3600');
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, retry: false, validateResponses: 'off' });
    await rejectionOf(client.getCart(CUSTOMER_ID.toUpperCase(), CART_ID));
    const controller = new AbortController();
    const held = client.getCart(CUSTOMER_ID, CART_ID, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('held by the pause')), 50);
    expect(await rejectionOf(held)).toMatchObject({ message: 'held by the pause' });
    expect(server.requests).toHaveLength(1);
  });

  it('a percent-encoded customer id shares the pause of the same id unencoded', async () => {
    fake = await startFakeCartService();
    const cart = activeCart();
    fake.seedCart(cart);
    fake.throttle(cart.customerId, { seconds: 60 });
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: fake.url, retry: false, tracing: false });
    await rejectionOf(client.getCart(cart.customerId, cart.id)); // the 429 pauses this customer
    const encoded = cart.customerId.replace(/[0-9a-f]/, (char) => `%${char.charCodeAt(0).toString(16)}`);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('held by the pause')), 50);
    const raw = client.raw.GET(`/v1/customers/${encoded}/carts/${cart.id}` as never, { signal: controller.signal } as never);
    // Before the fix the raw call went straight to the fake, which counted a second request inside its window.
    expect(await rejectionOf(raw)).toMatchObject({ message: 'held by the pause' });
    expect(fake.throttledRequests(cart.customerId)).toHaveLength(1);
  });

  it('a 429 on a path naming no customer pauses nobody; a raw call for a paused customer waits like a typed one', async () => {
    const server = await startServer((request, response) =>
      request.url?.startsWith('/v1/other')
        ? sendJson(response, 429, { code: 800003, data: [] }, { 'Retry-After': '3600' })
        : sendJson(response, 200, CART),
    );
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, retry: false, validateResponses: 'off' });
    const answer = await client.raw.GET('/v1/other' as never);
    expect((answer as { response: Response }).response.status).toBe(429);
    await client.getCart(CUSTOMER_ID, CART_ID);
    expect(server.requests).toHaveLength(2);
  });
});

describe('queues under caps, aborts and deadlines', () => {
  /** Polls until `done()` holds, at most 2 000 times 5 ms (then the test fails on what it expects next). */
  async function until(done: () => boolean): Promise<void> {
    for (let round = 0; round < 2_000 && !done(); round += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** A server that holds every request until `release()` is called, then answers them all. */
  async function holdingServer() {
    const held: (() => void)[] = [];
    const server = await startServer((_request, response) => void held.push(() => sendJson(response, 200, CART)));
    const release = (): void => {
      for (const answer of held.splice(0)) answer();
    };
    return { server, release, held };
  }

  it('50 queued calls behind a held one, half aborted and half timed out, are never sent; the queue then moves on', async () => {
    const { server, release, held } = await holdingServer();
    const client = createCartClient({
      credential: PLAIN_SECRET,
      baseUrl: server.url,
      throttling: { maxConcurrentPerCustomer: 1, maxConcurrent: 2 },
      validateResponses: 'off',
    });
    const first = client.getCart(CUSTOMER_ID, CART_ID);
    await until(() => held.length > 0);
    const controller = new AbortController();
    const queued = Array.from({ length: 50 }, (_, index) =>
      rejectionOf(
        index % 2 === 0
          ? client.getCart(CUSTOMER_ID, CART_ID, { signal: controller.signal })
          : client.getCart(CUSTOMER_ID, CART_ID, { timeouts: { overallMs: 30 } }),
      ),
    );
    // Another customer still gets the second client-wide slot while the first customer's queue is full.
    const other = client.getCart(randomUUID(), CART_ID);
    await until(() => held.length >= 2);
    controller.abort(new Error('caller gave up'));
    const errors = await Promise.all(queued);
    expect(errors.filter((error) => (error as Error).message === 'caller gave up')).toHaveLength(25);
    expect(errors.filter((error) => (error as { kind?: string }).kind === 'timeout')).toHaveLength(25);
    expect(server.requests).toHaveLength(2);
    release();
    await Promise.all([first, other]);
    const after = client.getCart(CUSTOMER_ID, CART_ID);
    await until(() => held.length > 0);
    release();
    await after;
    expect(server.requests).toHaveLength(3);
  });

  it('a queued call whose overallMs is beyond a timer (Infinity) waits its turn instead of timing out at once', async () => {
    for (const overallMs of [Number.POSITIVE_INFINITY, 3_000_000_000]) {
      const { server, release, held } = await holdingServer();
      const client = createCartClient({
        credential: PLAIN_SECRET,
        baseUrl: server.url,
        throttling: { maxConcurrentPerCustomer: 1 },
        timeouts: { overallMs },
        validateResponses: 'off',
      });
      const first = client.getCart(CUSTOMER_ID, CART_ID);
      await until(() => held.length > 0);
      let settled = false;
      const second = client.getCart(CUSTOMER_ID, CART_ID).then(
        () => 'sent',
        (error: unknown) => error,
      );
      void second.finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await first;
      await until(() => held.length > 0 || settled);
      release();
      // Before the fix: a PartnerCenterTimeoutError of scope overall, while the call was still in the queue.
      expect(await second).toBe('sent');
    }
  });
});
