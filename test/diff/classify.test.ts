import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { categories, type Change } from '../../scripts/diff/change.js';
import { compareOperations } from '../../scripts/diff/compare-operations.js';
import type { Json } from '../../scripts/diff/json-pointer.js';
import { buildReport, formatMarkdown } from '../../scripts/diff/report.js';
import { isMajorBump } from '../../scripts/diff/version.js';
import { applyPatch, type PatchOperation } from '../support/json-patch.js';

/**
 * One labelled pair: base.yaml with `setup` applied is the "before" spec, the same with `patch` applied the
 * "after"; `id` is the oasdiff check it mirrors and `oasdiff` that check's level there (`none`: oasdiff has no
 * such check). Where our verdict differs from oasdiff's level, `note` says why.
 */
interface Pair {
  name: string;
  id?: string;
  oasdiff?: 'ERR' | 'WARN' | 'INFO' | 'none';
  expect: 'breaking' | 'non-breaking' | 'none';
  note?: string;
  setup?: PatchOperation[];
  patch: PatchOperation[];
}

const fixtures = join(import.meta.dirname, 'fixtures');
const base = parse(readFileSync(join(fixtures, 'base.yaml'), 'utf8')) as Json;
const pairsDir = join(fixtures, 'pairs');
const pairs = readdirSync(pairsDir)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) =>
    (parse(readFileSync(join(pairsDir, file), 'utf8')) as Pair[]).map((pair) => ({ category: basename(file, '.yaml'), ...pair })),
  );
const labelled = pairs.filter((pair) => pair.expect !== 'none');
/** Sunset dates in the fixtures are judged against this day, so the verdicts do not move with the calendar. */
const today = new Date('2026-06-01T00:00:00Z');

function compareWith(setup: readonly PatchOperation[], patch: readonly PatchOperation[]): Change[] {
  const before = structuredClone(base);
  applyPatch(before, setup);
  const after = structuredClone(before);
  applyPatch(after, patch);
  return compareOperations(before, after, { now: today });
}

describe('each labelled pair gets its expected verdict and oasdiff check id', () => {
  it('finds no change between a spec and itself', () => {
    expect(compareOperations(base, structuredClone(base))).toEqual([]);
  });

  it.each(pairs)('$category: $name → $expect $id', (pair) => {
    const changes = compareWith(pair.setup ?? [], pair.patch);
    // A change in a shared component shows up once per operation and status that uses it: one verdict.
    const verdicts = [...new Set(changes.map((change) => `${change.severity} ${change.id} (${change.category})`))];
    expect(verdicts).toEqual(pair.expect === 'none' ? [] : [`${pair.expect} ${pair.id} (${pair.category})`]);
  });
});

describe('the fixture set', () => {
  it('has at least 80 labelled pairs, one file per category', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(80);
    expect([...new Set(pairs.map((pair) => pair.category))].sort()).toEqual([...categories].sort());
  });

  it.each([...categories])('%s has a breaking and a non-breaking pair', (category) => {
    const verdicts = new Set(labelled.filter((pair) => pair.category === category).map((pair) => pair.expect));
    expect([...verdicts].sort()).toEqual(['breaking', 'non-breaking']);
  });

  it('explains every verdict that differs from oasdiff', () => {
    const agreesWithOasdiff = (pair: Pair): boolean =>
      (pair.oasdiff === 'ERR' && pair.expect === 'breaking') || (pair.oasdiff === 'INFO' && pair.expect === 'non-breaking');
    const unexplained = labelled.filter((pair) => !agreesWithOasdiff(pair) && !pair.note).map((pair) => pair.name);
    expect(unexplained).toEqual([]);
  });

  it('lists every check id in scripts/diff/CHECKS.md', () => {
    const checks = readFileSync(join(import.meta.dirname, '../../scripts/diff/CHECKS.md'), 'utf8');
    const missing = [...new Set(labelled.map((pair) => pair.id))].filter((id) => !checks.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});

describe('what a reviewer reads', () => {
  const maxItemsLowered: PatchOperation[] = [
    { op: 'replace', path: '/components/schemas/CartUpdate/properties/lineItems/maxItems', value: 5 },
  ];

  it('names the operation, the place and the change in words', () => {
    expect(compareWith([], maxItemsLowered)).toEqual([
      {
        operation: 'PUT /v1/carts/{cart-id}',
        severity: 'breaking',
        id: 'request-property-max-items-decreased',
        category: 'constraints',
        rule: 'request.constraint.tightened',
        location: 'request body (application/json) lineItems',
        message: 'maxItems 10 → 5',
      },
    ]);
  });

  it('reports a shared response schema once per operation and status', () => {
    const changes = compareWith([], [{ op: 'remove', path: '/components/schemas/Cart/properties/status' }]);
    expect(changes.map((change) => `${change.operation} ${change.location}`)).toEqual([
      'GET /v1/carts/{cart-id} response 200 (application/json) status',
      'PUT /v1/carts/{cart-id} response 200 (application/json) status',
      'PUT /v1/carts/{cart-id} response 201 (application/json) status',
    ]);
  });

  it('follows a recursive schema without looping', () => {
    const changes = compareWith([], [{ op: 'add', path: '/components/schemas/LineItemUpdate/properties/addonItems/maxItems', value: 3 }]);
    expect(changes.map((change) => change.location)).toEqual(['request body (application/json) lineItems[].addonItems']);
  });
});

describe('major version bump', () => {
  it.each([
    ['1.0.0', '2.0.0', true],
    ['1.4.2', '1.5.0', false],
    ['1.0.0', '1.0.0', false],
    ['2.0.0', '1.9.0', false],
    ['v1.2.0', 'v10.0.0', true],
    ['unversioned', '2.0.0', false],
  ])('%s → %s is a major bump: %s', (before, after, expected) => {
    expect(isMajorBump(before, after)).toBe(expected);
  });
});

describe('report', () => {
  const changes = compareWith(
    [],
    [{ op: 'add', path: '/components/schemas/LineItemUpdate/properties/catalogItemId/format', value: 'uuid' }],
  );

  it('fails breaking changes without a major bump and says what to do', () => {
    const report = buildReport({ ref: 'v1.0.0', version: '1.0.0' }, { ref: 'working tree', version: '1.1.0' }, changes);
    expect(report.ok).toBe(false);
    const text = formatMarkdown(report);
    expect(text).toContain('## Breaking (1)');
    expect(text).toContain(
      '- request body (application/json) lineItems[].catalogItemId: format none → "uuid" `request.constraint.tightened`',
    );
    expect(text).toContain('1 breaking change(s) without a major version bump (1.0.0 → 1.1.0)');
  });

  it('allows breaking changes under a major bump', () => {
    const report = buildReport({ ref: 'v1.0.0', version: '1.0.0' }, { ref: 'working tree', version: '2.0.0' }, changes);
    expect(report.ok).toBe(true);
    expect(formatMarkdown(report)).toContain('allowed by the major version bump (1.0.0 → 2.0.0)');
  });
});
