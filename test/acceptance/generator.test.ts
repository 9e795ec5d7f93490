import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { updateCartAcceptance } from '../../generated/acceptance.js';
import { buildAcceptanceTable, renderAcceptance } from '../../scripts/generate/acceptance.js';
import type { Json, JsonObject } from '../../scripts/spec/json.js';
import { dotnetEnumName } from '../../src/validation/dotnet-enum-name.js';
import { camelCaseKey } from '../../src/validation/service-body.js';

/*
 * The acceptance tables come from the spec, not from hand-written rules: every name and enum value in them is one
 * the spec's schemas hold, and the generator refuses rule values it does not know instead of guessing.
 */

const lenient = {
  propertyNames: 'case-insensitive',
  enumValues: 'dotnet-enum-converter',
  nullOptionalProperties: 'absent',
  dateTimesWithoutOffset: 'utc',
  camelCaseMapKeys: ['Context'],
};

const schemas: JsonObject = {
  Body: {
    type: 'object',
    required: ['items'],
    properties: {
      items: { type: 'array', items: { $ref: '#/components/schemas/Line' } },
      when: { type: 'string', format: 'date-time' },
      note: { type: 'string', nullable: true },
    },
  },
  Line: {
    type: 'object',
    properties: {
      kindOfThing: { type: 'string', enum: ['one_time', 'monthly'] },
      context: { $ref: '#/components/schemas/Context' },
      children: { type: 'array', items: { $ref: '#/components/schemas/Line' } },
    },
  },
  Context: { type: 'object', additionalProperties: { type: 'string' } },
};
const body: Json = { $ref: '#/components/schemas/Body' };

describe('the acceptance generator', () => {
  it('derives names, nulls, enum spellings, date-times and camelCased maps from the schema and the rules', () => {
    const table = buildAcceptanceTable(body, lenient, schemas, 'fixture');
    expect(table.root).toEqual({ shape: 'Body' });
    expect(table.shapes.Body).toEqual({
      items: { name: 'items', items: { shape: 'Line' } },
      when: { name: 'when', dateTime: true, nullMeansAbsent: true },
      note: { name: 'note' },
    });
    expect(table.shapes.Line?.kindofthing).toEqual({
      name: 'kindOfThing',
      enumByDotnetName: { OneTime: 'one_time', Monthly: 'monthly' },
      nullMeansAbsent: true,
    });
    expect(table.shapes.Line?.context).toMatchObject({ camelCaseKeys: true, mapValues: {} });
    expect(table.shapes.Line?.children).toMatchObject({ items: { shape: 'Line' } });
  });

  it('reads names and values exactly when the rules say so', () => {
    const strict = {
      ...lenient,
      propertyNames: 'exact',
      enumValues: 'exact',
      nullOptionalProperties: 'refused',
      dateTimesWithoutOffset: 'refused',
    };
    const table = buildAcceptanceTable(body, strict, schemas, 'fixture');
    expect(table.caseInsensitiveNames).toBe(false);
    expect(table.shapes.Line?.kindOfThing).toEqual({ name: 'kindOfThing' });
    expect(table.shapes.Body?.when).toEqual({ name: 'when' });
  });

  it('refuses rule values and schemas it does not know', () => {
    expect(() => buildAcceptanceTable(body, { ...lenient, enumValues: 'case-insensitive' }, schemas, 'fixture')).toThrow(
      /fixture\.enumValues is "case-insensitive"; the generator knows dotnet-enum-converter, exact/,
    );
    expect(() => buildAcceptanceTable(body, { ...lenient, camelCaseMapKeys: ['Line'] }, schemas, 'fixture')).toThrow(/not a map schema/);
    const withOneOf = { ...schemas, Body: { type: 'object', properties: { x: { oneOf: [{ type: 'string' }] } } } };
    expect(() => buildAcceptanceTable(body, lenient, withOneOf, 'fixture')).toThrow(/Body\.x uses oneOf/);
    const namedStrings = { ...schemas, Body: { type: 'string', 'x-dotnet-enum-members': { One: 1 } } };
    expect(() => buildAcceptanceTable(body, lenient, namedStrings, 'fixture')).toThrow(
      /x-dotnet-enum-members must map member names to integers/,
    );
    expect(() => renderAcceptance({ openapi: '3.0.3', paths: {} }, '')).toThrow(/no request body in the spec carries x-service-acceptance/);
  });

  it('generated the committed tables from the bundled spec: every enum value of the request schemas, under its .NET name', () => {
    const spec = JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as {
      components: { schemas: Record<string, { enum: string[] }> };
    };
    const billingCycle = updateCartAcceptance.shapes.CartLineItemUpdate?.billingcycle?.enumByDotnetName ?? {};
    expect(Object.values(billingCycle).sort()).toEqual([...(spec.components.schemas.BillingCycle?.enum ?? [])].sort());
    expect(billingCycle.OneTime).toBe('one_time');
    expect(updateCartAcceptance.shapes.ParticipantUpdate?.key?.enumByDotnetName?.TransactionReseller).toBe('transaction_reseller');
    expect(updateCartAcceptance.shapes.CartError?.errorcode?.enumByDotnetName?.InvalidPromotionId).toBe(10014);
  });
});

describe('the .NET readings', () => {
  it('names enum spellings as EnumJsonConverter does', () => {
    expect(['one_time', 'oneTime', 'OneTime'].map(dotnetEnumName)).toEqual(['OneTime', 'OneTime', 'OneTime']);
    expect(dotnetEnumName('MONTHLY')).toBe('MONTHLY');
    expect(dotnetEnumName('additional_transaction_reseller')).toBe('AdditionalTransactionReseller');
  });

  it('camelCases dictionary keys as Newtonsoft does', () => {
    expect(['SubscriptionId', 'ParentSubscriptionId', 'scope', 'IPAddress', 'URL', ''].map(camelCaseKey)).toEqual([
      'subscriptionId',
      'parentSubscriptionId',
      'scope',
      'ipAddress',
      'url',
      '',
    ]);
  });
});
