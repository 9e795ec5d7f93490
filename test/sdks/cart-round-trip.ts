import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { FakeCartService } from '../../src/fake/index.js';
import { documentedStatuses } from '../support/spec-examples.js';

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
