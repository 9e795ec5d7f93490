import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCartService, type FakeCartService } from '../../src/fake/index.js';
import { startPrism, type RunningPrism } from '../../src/mock/prism.js';
import type { FetchLike } from '../../src/index.js';
import type { HarLog } from '../../src/record/index.js';
import { updateBody } from '../support/cart-fixtures.js';
import { recordAgainstFake, recordingClient, SECRET_TOKEN, scratchDir, verify, verifyJson } from '../support/traffic.js';

// Traffic recorded by the package's own client, through recordHar, against the two real implementations of the
// contract this repository has: the stateful fake and the Prism mock. Both recordings must verify clean.
const scratch = scratchDir();
let fake: FakeCartService;
let prism: RunningPrism;

beforeAll(async () => {
  fake = await startFakeCartService();
  prism = await startPrism({ specPath: resolve('generated/openapi.json') });
});
afterAll(async () => {
  await prism?.stop();
  await fake?.stop();
  scratch.remove();
});

describe('HAR recorded by the client', () => {
  it('against the fake verifies clean, and holds no token', async () => {
    const har = await recordAgainstFake(fake);
    expect(har.log.entries.map((entry) => `${entry.request.method} ${entry.response.status}`)).toEqual([
      'GET 200',
      'PUT 201',
      'GET 200',
      'PUT 201',
      'GET 404',
    ]);
    const file = scratch.write('fake.har', har);
    expect(JSON.stringify(har)).not.toContain(SECRET_TOKEN);
    const run = await verify(file);
    expect(run.stdout).toContain('conforms');
    expect(run.exitCode, run.stdout).toBe(0);
  });

  it('against the Prism mock, statuses and named scenarios picked with Prefer, verifies clean with coverage', async () => {
    const preferring =
      (prefer: string) =>
      (next: FetchLike): FetchLike =>
      (input, init) => {
        const headers = new Headers(init.headers);
        headers.set('Prefer', prefer);
        return next(input, { ...init, headers });
      };
    const customerId = '0f7e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    const cartId = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
    const entries: HarLog['log']['entries'] = [];
    for (const prefer of ['code=200, example=Active', 'code=201, example=Reservation', 'code=404', 'code=429']) {
      const { client, recorder } = recordingClient(prism.url, preferring(prefer));
      const call = prefer.startsWith('code=201')
        ? client.updateCart(customerId, cartId, updateBody(2) as never)
        : client.getCart(customerId, cartId);
      await call.catch(() => undefined);
      entries.push(...recorder.har().log.entries);
    }
    const file = scratch.write('prism.har', { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });
    const run = await verify('--coverage', file);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/getCart .*: 3 exchanges/);
    expect(run.stdout).toMatch(/200 +seen +1; scenarios seen: Active; not seen: Ordered/);
    expect(run.stdout).toMatch(/201 +seen +1; scenarios seen: Reservation; not seen: AddonLineItem, IndirectReseller, LineItemError/);
    expect(run.stdout).toMatch(/409 +not seen +0/);
    const json = await verifyJson(file);
    expect(json.errors).toEqual([]);
  });
});
