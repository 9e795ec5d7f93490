import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { ReplayCache } from '../../src/fake/replay-cache.js';
import { fetchCartDriver } from '../support/cart-driver.js';
import { activeCart, m365Line, updateBody } from '../support/cart-fixtures.js';

/*
 * Outside run (issue 12) against the stateful fake as a hostile client would use it: client mistakes are 4xx, never
 * 500 or a crash; an update is applied once or not at all; every stored cart stays readable; memory stays within
 * its bounds. One defect was found and fixed: the replay cache counted 512 bytes per request id whatever its length,
 * so kilobyte-long MS-RequestIds (the fake does not insist on GUIDs) grew memory far past replayCacheBytes.
 */

let fake: FakeCartService | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const LINE = JSON.stringify(m365Line);
const HOSTILE_BODIES: [string, string][] = [
  ['a __proto__ key at the top', `{"lineItems":[${LINE}],"__proto__":{"polluted":1,"lineItems":5}}`],
  ['a __proto__ key in a line', `{"lineItems":[{"__proto__":{"quantity":999},${LINE.slice(1)}]}`],
  ['lineItems only under __proto__', `{"__proto__":{"lineItems":[${LINE}]}}`],
  ['constructor.prototype', `{"lineItems":[${LINE}],"constructor":{"prototype":{"x":1}}}`],
  ['toString, valueOf and hasOwnProperty as keys', `{"lineItems":[${LINE}],"toString":1,"valueOf":2,"hasOwnProperty":3}`],
  ['line ids __proto__ and constructor', `{"lineItems":[{"id":"__proto__",${LINE.slice(1)},{"id":"constructor",${LINE.slice(1)}]}`],
  ['LineItems and lineItems both', `{"LineItems":[${LINE}],"lineItems":[]}`],
  ['a byte order mark', `\ufeff{"lineItems":[${LINE}]}`],
  ['a quantity of 1e400', `{"lineItems":[{${LINE.slice(1).replace('"quantity":2', '"quantity":1e400')}]}`],
  ['a quantity past 2^53', `{"lineItems":[{${LINE.slice(1).replace('"quantity":2', '"quantity":9007199254740993')}]}`],
  [
    '50 000 keys in one object',
    `{"lineItems":[${LINE}],"x":{${Array.from({ length: 50_000 }, (_, index) => `"k${index}":${index}`).join(',')}}}`,
  ],
  ['20 000 empty lines', `{"lineItems":[${Array(20_000).fill('{}').join(',')}]}`],
  ['lone surrogates and bidi controls', `{"lineItems":[${LINE}],"x":"\\ud800\\udfff\\u202e\\u0000"}`],
  ['trailing garbage', `{"lineItems":[${LINE}]} garbage`],
  ['the key lineItems twice', `{"lineItems":[${LINE}],"lineItems":"x"}`],
];

describe('the fake against hostile clients', () => {
  it.each(HOSTILE_BODIES)('%s: a 201 or a 400, never a 500, the cart readable after, no prototype touched', async (_name, body) => {
    fake = await startFakeCartService();
    const seed = activeCart();
    fake.seedCart(seed);
    const url = `${fake.url}/v1/customers/${seed.customerId}/carts/${seed.id}`;
    const put = await fetch(url, { method: 'PUT', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body });
    expect([201, 400]).toContain(put.status);
    const read = await fetch(url, { headers: { Authorization: 'Bearer t' } });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(fake.cart(seed.customerId, seed.id));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(fake.appliedUpdates(seed.customerId, seed.id).length).toBe(put.status === 201 ? 1 : 0);
  });

  /** Writes `text` on one connection (left open, as a pipelining client does) and collects `count` status lines. */
  async function statusLines(service: FakeCartService, text: string, count: number): Promise<string[]> {
    const socket = connect(service.port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    const lines = (): string[] => received.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    const closed = once(socket, 'close');
    socket.on('data', (data) => {
      received += String(data);
      if (lines().length >= count) socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.write(text);
    await closed;
    return lines();
  }

  it('answers three pipelined requests on one connection in order, and a garbage request line with 400', async () => {
    fake = await startFakeCartService();
    const seed = activeCart();
    fake.seedCart(seed);
    const path = `/v1/customers/${seed.customerId}/carts/${seed.id}`;
    const body = JSON.stringify(updateBody(7));
    const request = (method: string, text = ''): string =>
      `${method} ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
    expect(await statusLines(fake, `${request('GET')}${request('PUT', body)}${request('GET')}`, 3)).toEqual([
      'HTTP/1.1 200',
      'HTTP/1.1 201',
      'HTTP/1.1 200',
    ]);
    expect(fake.cart(seed.customerId, seed.id)?.lineItems[0]?.quantity).toBe(7);
    expect(await statusLines(fake, 'GARBAGE\r\n\r\n', 1)).toEqual(['HTTP/1.1 400']);
    expect((await fetchCartDriver(fake.url).getCart(seed.customerId, seed.id)).status).toBe(200);
  });

  it('applies one of 20 concurrent PUTs sharing an MS-RequestId with different bodies, refusing the rest with 400', async () => {
    const seed = activeCart();
    fake = await startFakeCartService({ updateDelayMs: 5, carts: [seed] });
    const requestId = randomUUID();
    const driver = fetchCartDriver(fake.url);
    const quantities = Array.from({ length: 20 }, (_, index) => index + 1);
    const statuses = await Promise.all(
      quantities.map(async (quantity) => (await driver.updateCart(seed.customerId, seed.id, updateBody(quantity), { requestId })).status),
    );
    expect(fake.appliedUpdates(seed.customerId, seed.id)).toEqual([{ requestId, basedOnRevision: 0 }]);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(19);
    expect((await driver.getCart(seed.customerId, seed.id)).status).toBe(200);
  });

  it('applies 40 concurrent PUTs with fresh ids, half of them naming the cart in upper case, each exactly once', async () => {
    fake = await startFakeCartService({ updateDelayMs: 2 });
    const seed = activeCart();
    fake.seedCart(seed);
    const api = fetchCartDriver(fake.url);
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const answers = await Promise.all(
      ids.map((requestId, index) =>
        index % 2 === 0
          ? api.updateCart(seed.customerId, seed.id, updateBody(index + 1), { requestId })
          : api.updateCart(seed.customerId.toUpperCase(), seed.id.toUpperCase(), updateBody(index + 1), { requestId }),
      ),
    );
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const applied = fake.appliedUpdates(seed.customerId, seed.id);
    expect(applied.map((update) => update.basedOnRevision)).toEqual(ids.map((_, index) => index));
    expect(new Set(applied.map((update) => update.requestId))).toEqual(new Set(ids));
  });

  it('counts the request id itself against replayCacheBytes, so long ids cannot grow memory past it (fixed)', () => {
    const cache = new ReplayCache(50_000);
    const longId = (index: number): string => `${index}-${'x'.repeat(8_000)}`;
    for (let index = 0; index < 100; index++) {
      cache.claim(longId(index), { cart: 'customer/cart', bodyHash: 'h', callerId: 'user' });
      cache.complete(longId(index), '{"id":"small"}');
      expect(cache.bytes).toBeLessThanOrEqual(50_000);
    }
    // What is still kept: each entry holds an 8 000-character key, so only a few can fit in 50 000 bytes.
    const kept = Array.from({ length: 100 }, (_, index) => index).filter(
      (index) => cache.claim(longId(index), { cart: 'customer/cart', bodyHash: 'h', callerId: 'user' }).kind === 'replay',
    );
    expect(kept.length * 8_000).toBeLessThanOrEqual(50_000);
    expect(kept).toContain(99);
  });
});
