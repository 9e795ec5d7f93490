import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareOperations } from '../../scripts/diff/compare-operations.js';
import type { Json } from '../../scripts/diff/json-pointer.js';
import { buildReport, formatMarkdown } from '../../scripts/diff/report.js';
import { isMajorBump } from '../../scripts/diff/version.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const load = (name: string): Json => parse(readFileSync(join(fixtures, `${name}.yaml`), 'utf8')) as Json;
const base = load('base');

/** [severity, rule, method, location] of one expected change. */
type Expected = [severity: 'breaking' | 'non-breaking', rule: string, method: 'GET' | 'PUT', location: string];

const body = 'request body (application/json)';
// Every fixture's response schema is shared by GET 200, PUT 200 and PUT 201, so a response change shows up three times.
const inEveryCartResponse = (severity: Expected[0], rule: string, field: string): Expected[] => [
  [severity, rule, 'GET', `response 200 (application/json) ${field}`],
  [severity, rule, 'PUT', `response 200 (application/json) ${field}`],
  [severity, rule, 'PUT', `response 201 (application/json) ${field}`],
];

const cases: Record<string, Expected[]> = {
  // Request side: what the server accepts.
  'request-property-newly-required': [['breaking', 'request.property.newly-required', 'PUT', `${body} lineItems[].billingCycle`]],
  'request-property-added-required': [['breaking', 'request.property.added-required', 'PUT', `${body} lineItems[].promotionId`]],
  'request-property-added-optional': [['non-breaking', 'request.property.added', 'PUT', `${body} lineItems[].promotionId`]],
  'request-readonly-required': [],
  'request-enum-value-removed': [['breaking', 'request.enum.value-removed', 'PUT', `${body} lineItems[].billingCycle`]],
  'request-enum-value-added': [['non-breaking', 'request.enum.value-added', 'PUT', `${body} lineItems[].billingCycle`]],
  'request-format-added': [['breaking', 'request.constraint.tightened', 'PUT', `${body} lineItems[].catalogItemId`]],
  'request-pattern-added': [['breaking', 'request.constraint.tightened', 'PUT', `${body} lineItems[].catalogItemId`]],
  'request-max-length-added': [['breaking', 'request.constraint.tightened', 'PUT', `${body} lineItems[].catalogItemId`]],
  'request-max-items-lowered': [['breaking', 'request.constraint.tightened', 'PUT', `${body} lineItems`]],
  'request-max-items-raised': [['non-breaking', 'request.constraint.loosened', 'PUT', `${body} lineItems`]],
  'request-minimum-raised': [['breaking', 'request.constraint.tightened', 'PUT', `${body} lineItems[].quantity`]],
  'request-type-narrowed': [['breaking', 'request.type.changed', 'PUT', `${body} lineItems[].quantity`]],
  'request-type-widened': [['non-breaking', 'request.type.changed', 'PUT', `${body} lineItems[].quantity`]],
  'request-nested-recursive': [['breaking', 'request.constraint.tightened', 'PUT', `${body} lineItems[].addonItems`]],
  // Parameters are request side too.
  'parameter-removed': [['breaking', 'request.parameter.removed', 'PUT', 'header parameter x-locale']],
  'parameter-newly-required': [['breaking', 'request.parameter.newly-required', 'PUT', 'header parameter x-locale']],
  'parameter-added-required': [['breaking', 'request.parameter.added-required', 'PUT', 'header parameter ms-requestid']],
  'parameter-added-optional': [['non-breaking', 'request.parameter.added', 'PUT', 'header parameter ms-requestid']],
  'parameter-format-added': [
    ['breaking', 'request.constraint.tightened', 'GET', 'path parameter cart-id'],
    ['breaking', 'request.constraint.tightened', 'PUT', 'path parameter cart-id'],
  ],
  // Response side: what a consumer must be ready to read.
  'response-property-removed': inEveryCartResponse('breaking', 'response.property.removed', 'status'),
  'response-property-added-optional': inEveryCartResponse('non-breaking', 'response.property.added', 'currencyCode'),
  'response-required-removed': inEveryCartResponse('breaking', 'response.property.no-longer-required', 'lineItems'),
  'response-type-changed': inEveryCartResponse('breaking', 'response.type.changed', 'id'),
  'response-type-narrowed': [
    ['non-breaking', 'response.type.changed', 'GET', 'response 404 (application/json) code'],
    ['non-breaking', 'response.type.changed', 'PUT', 'response 404 (application/json) code'],
  ],
  'response-enum-value-added': inEveryCartResponse('breaking', 'response.enum.value-added', 'status'),
  'response-enum-value-removed': inEveryCartResponse('non-breaking', 'response.enum.value-removed', 'status'),
  // Operations and statuses.
  'operation-removed': [['breaking', 'operation.removed', 'GET', '(operation)']],
  'success-status-removed': [['breaking', 'response.status.removed-success', 'PUT', 'response 201']],
  'error-status-added': [['non-breaking', 'response.status.added', 'PUT', 'response 409']],
  'description-changed': [],
};

describe('compareOperations classifies each fixture against base.yaml', () => {
  it('finds no change between a spec and itself', () => {
    expect(compareOperations(base, structuredClone(base))).toEqual([]);
  });

  it.each(Object.entries(cases))('%s', (name, expected) => {
    const changes = compareOperations(base, load(name)).map(
      (change): Expected => [change.severity, change.rule, change.operation.split(' ')[0] as Expected[2], change.location],
    );
    expect(changes).toEqual(expected);
  });

  it('tells the reviewer what changed, in words', () => {
    const [change] = compareOperations(base, load('request-max-items-lowered'));
    expect(change?.message).toBe('maxItems 10 → 5');
    expect(change?.operation).toBe('PUT /v1/carts/{cart-id}');
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
  const changes = compareOperations(base, load('request-format-added'));

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
