/**
 * The contract must carry everything the ground-truth reference (sections 1 to 8) documents for this call, or the
 * openapi/DECISIONS.md must say why it is left out. These lists are that checklist; a field dropped from the spec fails here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Schema {
  properties?: Record<string, unknown>;
  enum?: unknown[];
  'x-known-values'?: unknown[];
  description?: string;
}
interface Spec {
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, { name: string; in: string }>;
    headers: Record<string, unknown>;
  };
  paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: unknown[] }>>;
}

const projectRoot = resolve(import.meta.dirname, '../..');
const spec = JSON.parse(readFileSync(resolve(projectRoot, 'generated/openapi.json'), 'utf8')) as Spec;
const decisions = readFileSync(resolve(projectRoot, 'openapi/DECISIONS.md'), 'utf8');
const schemas = spec.components.schemas;
const propertiesOf = (name: string): string[] => Object.keys(schemas[name]?.properties ?? {});
const cartPath = spec.paths['/v1/customers/{customer-id}/carts/{cart-id}'];

const CART_FIELDS = [
  'id',
  'creationTimestamp',
  'lastModifiedTimestamp',
  'expirationTimestamp',
  'lastModifiedUser',
  'lineItems',
  'status',
  'partnerOnRecordAttestationAccepted',
  'links',
  'attributes',
];
const LINE_ITEM_FIELDS = [
  'id',
  'catalogItemId',
  'friendlyName',
  'quantity',
  'currencyCode',
  'billingCycle',
  'termDuration',
  'promotionId',
  'participants',
  'provisioningContext',
  'orderGroup',
  'purchaseSystem',
  'addonItems',
  'renewsTo',
  'error',
  'customTermEndDate',
  'attestationAccepted',
  'additionalPartnerIdsOnRecord',
];
const BILLING_CYCLES = ['unknown', 'monthly', 'annual', 'none', 'one_time', 'triennial', 'biennial'];
const PARTICIPANT_TYPES = ['unknown', 'transaction_reseller', 'consumption_reseller', 'additional_transaction_reseller'];
const CART_ERROR_CODES = [
  0, 10000, 10001, 10002, 10003, 10004, 10006, 10007, 10008, 10009, 10010, 10011, 10012, 10013, 10014, 10015, 10016, 10017, 10018, 10019,
  500600,
];
const REQUEST_HEADERS = [
  'MS-RequestId',
  'MS-CorrelationId',
  'MS-CV',
  'X-Locale',
  'MS-Contract-Version',
  'MS-PartnerCenter-Application',
  'MS-PartnerCenter-Client',
  'MS-SdkVersion',
];
const RESPONSE_HEADERS = ['MS-RequestId', 'MS-CorrelationId', 'MS-CV', 'MS-ServerId', 'X-Locale', 'Retry-After', 'WWW-Authenticate'];
const ERROR_CODES = [
  400, 1000, 2032, 3000, 13605, 20002, 800001, 800002, 800003, 800004, 800007, 800008, 800009, 800010, 800011, 800012, 800013, 800015,
  800016, 800017, 800018, 800020, 800029, 800030, 800064, 800065, 800066, 800067, 800088, 800089, 800069, 800070, 800073, 800074, 800075,
  900123, 900124, 900126,
];
const LEFT_OUT_IN_DECISIONS = [
  'If-Match',
  'Authorization',
  'Accept',
  'Content-Type',
  'text/json',
  '504',
  'partnerIdOnRecord',
  'coterminousSubscriptionId',
  'api.partner.microsoft.com',
  'CartCheckoutResult',
];

describe('the spec covers the reference', () => {
  it.each(['Cart', 'CartUpdate'])('%s has every documented cart field', (name) => {
    expect(propertiesOf(name)).toEqual(expect.arrayContaining(CART_FIELDS));
  });

  it.each(['CartLineItem', 'CartLineItemUpdate'])('%s has every documented line-item field', (name) => {
    expect(propertiesOf(name)).toEqual(expect.arrayContaining(LINE_ITEM_FIELDS));
  });

  it('has the nested types with their documented fields', () => {
    expect(propertiesOf('CartError')).toEqual(['errorCode', 'errorDescription', 'additionalInformation']);
    expect(propertiesOf('RenewsTo')).toEqual(['termDuration']);
    expect(propertiesOf('Participant')).toEqual(['key', 'value']);
    expect(propertiesOf('Link')).toEqual(['uri', 'method', 'headers']);
    expect(propertiesOf('ResourceAttributes')).toEqual(['objectType', 'etag']);
    expect(propertiesOf('PartnerCenterError')).toEqual(expect.arrayContaining(['code', 'description', 'data', 'source']));
  });

  it('closes request enums and lists the same values as known values of the open response fields', () => {
    expect(schemas.BillingCycle?.enum).toEqual(BILLING_CYCLES);
    expect(schemas.ParticipantType?.enum).toEqual(PARTICIPANT_TYPES);
    expect((schemas.CartLineItem?.properties?.billingCycle as Schema | undefined)?.['x-known-values']).toEqual(BILLING_CYCLES);
    expect((schemas.Participant?.properties?.key as Schema | undefined)?.['x-known-values']).toEqual(PARTICIPANT_TYPES);
    expect((schemas.CartError?.properties?.errorCode as Schema | undefined)?.['x-known-values']).toEqual(CART_ERROR_CODES);
  });

  it('declares every documented request header on both operations', () => {
    const names = Object.values(spec.components.parameters)
      .filter((p) => p.in === 'header')
      .map((p) => p.name);
    expect(names.sort()).toEqual([...REQUEST_HEADERS].sort());
    for (const method of ['get', 'put']) expect(cartPath?.[method]?.parameters).toHaveLength(REQUEST_HEADERS.length);
  });

  it('declares every documented response header', () => {
    expect(Object.keys(spec.components.headers).sort()).toEqual([...RESPONSE_HEADERS].sort());
  });

  it('declares the documented statuses', () => {
    expect(Object.keys(cartPath?.get?.responses ?? {})).toEqual(['200', '400', '401', '403', '404', '429', '500', '503']);
    expect(Object.keys(cartPath?.put?.responses ?? {})).toEqual(['200', '201', '400', '401', '403', '404', '409', '429', '500', '503']);
  });

  it('lists every error code documented for carts', () => {
    const description = (schemas.PartnerCenterError?.properties?.code as Schema | undefined)?.description ?? '';
    const missing = ERROR_CODES.filter((code) => !new RegExp(`\\b${code}\\b`).test(description));
    expect(missing).toEqual([]);
  });

  it('says in openapi/DECISIONS.md why each left-out item is not in the spec', () => {
    const section = decisions.slice(decisions.indexOf('### What the spec leaves out'));
    const missing = LEFT_OUT_IN_DECISIONS.filter((item) => !section.includes(item));
    expect(missing).toEqual([]);
  });
});
