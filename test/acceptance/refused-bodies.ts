import type { CorpusSource, RefusedBody } from './corpus-types.js';

/*
 * PUT bodies Partner Center refuses, written the way the same clients would send them (PascalCase from .NET and
 * PowerShell, camelCase from Java), so that the leniency of the acceptance function is shown not to reach the rules
 * that matter: a cart needs line items, each with an offer, a positive whole quantity and a billing cycle the service
 * knows, and every value must have its JSON type. `path` is the violation's path as the body spells it.
 */

const LINE_MODEL: CorpusSource = {
  repository: 'microsoft/partner-center-sdk-for-dotNET',
  path: 'Source/PartnerSdk.Models/Carts/CartLineItem.cs',
  shows: 'int Quantity, string CatalogItemId, BillingCycleType BillingCycle: the types a body must carry',
};
const CART_MODEL: CorpusSource = {
  repository: 'microsoft/partner-center-sdk-for-dotNET',
  path: 'Source/PartnerSdk.Models/Carts/Cart.cs',
  shows: 'IEnumerable<CartLineItem> LineItems; the docs require at least one line',
};
const ENUM_CONVERTER: CorpusSource = {
  repository: 'microsoft/partner-center-sdk-for-dotNET',
  path: 'Source/PartnerSdk.Models/JsonConverters/EnumJsonConverter.cs',
  shows: 'ReadJson maps a spelling to a member name or to Unknown; no member is spelled this way',
};
const JAVA_MODEL: CorpusSource = {
  repository: 'msize/Partner-Center-Java',
  path: 'src/main/java/com/microsoft/store/partnercenter/models/carts/CartLineItem.java',
  shows: 'camelCase getters; the same rules apply to camelCase bodies',
};
const ADDITIONAL_PARTNERS: CorpusSource = {
  repository: 'microsoft/partner-center-sdk-for-dotNET',
  path: 'Source/PartnerSdk.Models/Orders/OrderLineItem.cs',
  shows: 'IEnumerable<string> AdditionalPartnerIdsOnRecord; the newest update-a-cart table allows at most five on a cart line',
};

const line = { CatalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', Quantity: 1, BillingCycle: 'monthly' };

export const refusedBodies: RefusedBody[] = [
  { name: 'no LineItems at all', source: CART_MODEL, body: { Attributes: { ObjectType: 'Cart' } }, path: 'lineItems', rule: 'required' },
  { name: 'empty LineItems', source: CART_MODEL, body: { LineItems: [] }, path: 'LineItems', rule: 'minItems' },
  {
    name: 'LineItems null (required, so not read as unset)',
    source: CART_MODEL,
    body: { LineItems: null },
    path: 'LineItems',
    rule: 'type',
  },
  {
    name: 'Quantity 0',
    source: LINE_MODEL,
    body: { LineItems: [{ ...line, Quantity: 0 }] },
    path: 'LineItems[0].Quantity',
    rule: 'minimum',
  },
  {
    name: 'quantity -1 (camelCase)',
    source: JAVA_MODEL,
    body: { lineItems: [{ catalogItemId: 'X', quantity: -1, billingCycle: 'monthly' }] },
    path: 'lineItems[0].quantity',
    rule: 'minimum',
  },
  {
    name: 'Quantity beyond int32',
    source: LINE_MODEL,
    body: { LineItems: [{ ...line, Quantity: 2147483648 }] },
    path: 'LineItems[0].Quantity',
    rule: 'maximum',
  },
  {
    name: 'Quantity 1.5',
    source: LINE_MODEL,
    body: { LineItems: [{ ...line, Quantity: 1.5 }] },
    path: 'LineItems[0].Quantity',
    rule: 'type',
  },
  {
    name: 'Quantity "2" (a string)',
    source: LINE_MODEL,
    body: { LineItems: [{ ...line, Quantity: '2' }] },
    path: 'LineItems[0].Quantity',
    rule: 'type',
  },
  {
    name: 'Quantity null',
    source: LINE_MODEL,
    body: { LineItems: [{ ...line, Quantity: null }] },
    path: 'LineItems[0].Quantity',
    rule: 'type',
  },
  {
    name: 'no CatalogItemId',
    source: LINE_MODEL,
    body: { LineItems: [{ Quantity: 1, BillingCycle: 'monthly' }] },
    path: 'LineItems[0].catalogItemId',
    rule: 'required',
  },
  {
    name: 'empty CatalogItemId',
    source: LINE_MODEL,
    body: { LineItems: [{ ...line, CatalogItemId: '' }] },
    path: 'LineItems[0].CatalogItemId',
    rule: 'minLength',
  },
  {
    name: 'BillingCycle weekly',
    source: ENUM_CONVERTER,
    body: { LineItems: [{ ...line, BillingCycle: 'weekly' }] },
    path: 'LineItems[0].BillingCycle',
    rule: 'enum',
  },
  {
    name: 'BillingCycle MONTHLY (the converter reads it as no member)',
    source: ENUM_CONVERTER,
    body: { LineItems: [{ ...line, BillingCycle: 'MONTHLY' }] },
    path: 'LineItems[0].BillingCycle',
    rule: 'enum',
  },
  {
    name: 'participant Key distributor',
    source: ENUM_CONVERTER,
    body: { LineItems: [{ ...line, Participants: [{ Key: 'distributor', Value: '517285' }] }] },
    path: 'LineItems[0].Participants[0].Key',
    rule: 'enum',
  },
  {
    name: 'six AdditionalPartnerIdsOnRecord',
    source: ADDITIONAL_PARTNERS,
    body: { LineItems: [{ ...line, AdditionalPartnerIdsOnRecord: ['1', '2', '3', '4', '5', '6'] }] },
    path: 'LineItems[0].AdditionalPartnerIdsOnRecord',
    rule: 'maxItems',
  },
  {
    name: "a nested add-on's Quantity 'ten'",
    source: LINE_MODEL,
    body: { LineItems: [{ ...line, AddonItems: [{ ...line, Quantity: 'ten' }] }] },
    path: 'LineItems[0].AddonItems[0].Quantity',
    rule: 'type',
  },
  {
    name: 'CustomTermEndDate that is no date',
    source: LINE_MODEL,
    body: { LineItems: [{ ...line, CustomTermEndDate: 'next tuesday' }] },
    path: 'LineItems[0].CustomTermEndDate',
    rule: 'format',
  },
  { name: 'the body is an array of lines', source: CART_MODEL, body: [line], path: '', rule: 'type' },
  { name: 'the body is a string', source: CART_MODEL, body: 'a cart', path: '', rule: 'type' },
  { name: 'the body is a number', source: CART_MODEL, body: 42, path: '', rule: 'type' },
];
