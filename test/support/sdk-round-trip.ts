import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { resolve } from 'node:path';
import { type FakeCartService, startFakeCartService } from '../../src/fake/index.js';
import { type RunningPrism, startPrism } from '../../src/mock/prism.js';
import { documentedStatuses } from './spec-examples.js';

/*
 * What the Go and Java round-trip programs (test/sdks/go/, test/sdks/java/) do and print, and what the tests expect.
 * Each program GETs a cart, PUTs it back with every quantity plus one, GETs it again, then GETs a cart that does not
 * exist, and prints one JSON report in this shape. Keeping the shape and the expectations here means both languages
 * are held to the same round trip.
 */

const run = promisify(execFile);

export interface CartSummary {
  id: string;
  status: string;
  /** UTC, second precision, `YYYY-MM-DDTHH:MM:SSZ`; empty when the cart had none. */
  creationTimestamp: string;
  quantities: number[];
  catalogItemIds: string[];
}

export interface CartRoundTripReport {
  read: CartSummary;
  updated: CartSummary;
  reread: CartSummary;
  notFound: { status: number; code: unknown; description: string };
}

/** A cart to seed into the fake: two lines, so the program has to carry more than one line through. */
export function seededCart(): { customerId: string; id: string; missingCartId: string } & Parameters<FakeCartService['seedCart']>[0] {
  return {
    customerId: randomUUID(),
    id: randomUUID(),
    missingCartId: randomUUID(),
    lineItems: [
      {
        catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB',
        friendlyName: 'Microsoft 365 E3',
        quantity: 2,
        billingCycle: 'monthly',
        termDuration: 'P1Y',
      },
      { catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K8PF', quantity: 5, billingCycle: 'annual', termDuration: 'P1Y' },
    ],
  };
}

/** Runs a compiled round-trip program (`command args…`) and parses its report; its stderr goes into the error. */
export async function runRoundTrip(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CartRoundTripReport> {
  const { stdout } = await run(command, args, { env: env ?? process.env, timeout: 60_000, maxBuffer: 4 * 1024 * 1024 }).catch(
    (error: Error & { stderr?: string }) => {
      throw new Error(`${command} failed: ${error.message}\n${error.stderr ?? ''}`);
    },
  );
  return JSON.parse(stdout) as CartRoundTripReport;
}

export interface RecordingProxy {
  url: string;
  /** The body of every PUT that went through, parsed, in order. */
  putBodies: unknown[];
  stop(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of `upstream` that keeps each PUT body, so a test can see exactly what an SDK put
 * on the wire (the fake and Prism accept zero values and nulls the contract allows; the caller never set them).
 */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const putBodies: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (request.method === 'PUT') putBodies.push(JSON.parse(body.toString('utf8')) as unknown);
      const headers = Object.entries(request.headers).flatMap(([name, value]) =>
        name === 'host' || name === 'content-length' || value === undefined ? [] : [[name, String(value)] as [string, string]],
      );
      fetch(`${upstream}${request.url ?? ''}`, { method: request.method, headers, body: body.length > 0 ? body : undefined })
        .then(async (answer) => {
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch((error: Error) => {
          response.writeHead(502, { 'content-type': 'text/plain' });
          response.end(`recording proxy: ${error.message}`);
        });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    putBodies,
    stop: () => new Promise((resolveStop) => server.close(() => resolveStop())),
  };
}

/** Drops `null` members: an explicit null for a nullable property is what the contract allows for "not set". */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, member]) => (member === null ? [] : [[key, withoutNulls(member)]])));
}

/**
 * The PUT body holds what the caller set and nothing else: each line's id, catalog item, friendly name (when it had
 * one), new quantity, billing cycle and term. `lineIdZeroOmitted` is for C#, whose models leave out an int equal to
 * its default (`EmitDefaultValue = false`), so line id 0 is not sent; the contract makes the id optional.
 */
export function expectWireUpdate(body: unknown, seed: ReturnType<typeof seededCart>, options: { lineIdZeroOmitted?: boolean } = {}): void {
  const lineItems = seed.lineItems.map((line, index) => ({
    ...(index === 0 && options.lineIdZeroOmitted ? {} : { id: index }),
    catalogItemId: line.catalogItemId,
    ...(line.friendlyName === undefined ? {} : { friendlyName: line.friendlyName }),
    quantity: line.quantity + 1,
    billingCycle: line.billingCycle,
    termDuration: line.termDuration,
  }));
  expect(withoutNulls(body)).toEqual({ lineItems });
}

/** The fake applied the update: the program saw its seed, its update and the update again on re-reading. */
export function expectRoundTripAgainstFake(report: CartRoundTripReport, seed: ReturnType<typeof seededCart>, fake: FakeCartService): void {
  const catalogItemIds = seed.lineItems.map((line) => line.catalogItemId);
  const before = seed.lineItems.map((line) => line.quantity);
  const after = before.map((quantity) => quantity + 1);
  expect(report.read).toMatchObject({ id: seed.id, status: 'Active', quantities: before, catalogItemIds });
  expect(report.read.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(report.updated).toEqual({ ...report.read, quantities: after });
  expect(report.reread).toEqual(report.updated);
  expect(fake.cart(seed.customerId, seed.id)?.lineItems.map((line) => line.quantity)).toEqual(after);
  expect(report.notFound).toEqual({ status: 404, code: 800008, description: expect.stringContaining(seed.missingCartId) });
}

interface ExampleCart {
  id: string;
  status: string;
  lineItems: Array<{ quantity: number; catalogItemId: string }>;
}

function firstExample(method: 'GET' | 'PUT', status: number): unknown {
  const documented = documentedStatuses().find((entry) => entry.method === method && entry.status === status);
  const example = documented?.examples[0];
  if (!example) throw new Error(`the spec documents no example for ${method} ${status}; the Prism round trip needs one`);
  return example.value;
}

function summaryOf(example: ExampleCart): Omit<CartSummary, 'creationTimestamp'> {
  return {
    id: example.id,
    status: example.status,
    quantities: example.lineItems.map((line) => line.quantity),
    catalogItemIds: example.lineItems.map((line) => line.catalogItemId),
  };
}

/**
 * Prism answered from the spec's first examples (GET 200, PUT 200, GET 404 with `Prefer: code=404`), and Prism
 * accepted the PUT body the SDK built (it answers 422 to a request that breaks the contract, failing the program).
 */
export function expectRoundTripAgainstMock(report: CartRoundTripReport): void {
  const read = summaryOf(firstExample('GET', 200) as ExampleCart);
  const updated = summaryOf(firstExample('PUT', 200) as ExampleCart);
  const notFound = firstExample('GET', 404) as { code: unknown; description: string };
  expect(report.read).toMatchObject(read);
  expect(report.updated).toMatchObject(updated);
  expect(report.reread).toMatchObject(read);
  expect(report.notFound).toEqual({ status: 404, code: notFound.code, description: notFound.description });
}

/** The round-trip program's own arguments: where to send, the cart to update and the one that does not exist. */
export function roundTripArgs(baseUrl: string, seed: ReturnType<typeof seededCart>, extra: readonly string[] = []): string[] {
  return ['-base-url', baseUrl, '-customer', seed.customerId, '-cart', seed.id, '-missing-cart', seed.missingCartId, ...extra];
}

/** Runs a language's compiled round-trip program against `baseUrl` for `seed`. */
export type RoundTrip = (baseUrl: string, seed: ReturnType<typeof seededCart>, extra?: readonly string[]) => Promise<CartRoundTripReport>;

/** The servers a language's suite started in its `beforeAll`; read when the tests run. */
export interface RoundTripServers {
  fake?: FakeCartService;
  proxy?: RecordingProxy;
  prism?: RunningPrism;
}

/** Starts the fake (behind a recording proxy) and the Prism mock a language's round trips run against. */
export async function startRoundTripServers(): Promise<Required<RoundTripServers>> {
  const [fake, prism] = await Promise.all([startFakeCartService(), startPrism({ specPath: resolve('generated/openapi.json') })]);
  return { fake, prism, proxy: await startRecordingProxy(fake.url) };
}

/** Stops whatever `startRoundTripServers` started, also after it failed halfway. */
export async function stopRoundTripServers({ fake, proxy, prism }: RoundTripServers): Promise<void> {
  await Promise.all([proxy?.stop(), fake?.stop(), prism?.stop()]);
}

/**
 * The two round trips every compiled SDK is held to: against the stateful fake, through the recording proxy (what was
 * stored, and that the PUT body holds only what the caller set), and against the Prism mock (the spec's examples come
 * back, and Prism checks the PUT body against the contract).
 */
export function roundTripTests(servers: () => RoundTripServers, roundTrip: RoundTrip, wire: { lineIdZeroOmitted?: boolean } = {}): void {
  it('GETs a cart from the stateful fake, PUTs back only what it changed, and reads a typed 404', async () => {
    const { fake, proxy } = servers();
    if (!fake || !proxy) throw new Error('the fake did not start');
    const seed = seededCart();
    fake.seedCart(seed);
    expectRoundTripAgainstFake(await roundTrip(proxy.url, seed), seed, fake);
    expect(proxy.putBodies).toHaveLength(1);
    expectWireUpdate(proxy.putBodies[0], seed, wire);
  });

  it('does the same against the Prism mock, which also checks the PUT body against the contract', async () => {
    const { prism } = servers();
    if (!prism) throw new Error('Prism did not start');
    expectRoundTripAgainstMock(await roundTrip(prism.url, seededCart(), ['-prefer-404']));
  });
}
