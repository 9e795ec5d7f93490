import { isJsonObject, type JsonObject } from './cart-model.js';

/*
 * The fake checks the request properties the contract defines, by hand, so that it needs neither the
 * bundled spec nor a schema compiler at run time (it also runs from `dist/` in a consumer's project).
 * Each check returns the problem as a sentence naming the field, or undefined. Unknown properties are
 * not checked: the contract keeps its schemas open for extension.
 */

type Check = (value: unknown, field: string) => string | undefined;

const BILLING_CYCLES = ['unknown', 'monthly', 'annual', 'none', 'one_time', 'triennial', 'biennial'];
const PARTICIPANT_KEYS = ['unknown', 'transaction_reseller', 'consumption_reseller', 'additional_transaction_reseller'];
const ISO_DURATION = /^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
const MAX_ADDITIONAL_PARTNER_IDS = 5;
const CURRENCY_CODE = /^[A-Z]{3}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

const describe = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

const isString: Check = (value, field) => (typeof value === 'string' ? undefined : `${field} must be a string (got ${describe(value)})`);

const isNonEmptyString: Check = (value, field) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : `${field} is required and must be a non-empty string (got ${describe(value)})`;

const isBooleanOrNull: Check = (value, field) =>
  value === null || typeof value === 'boolean' ? undefined : `${field} must be true, false or null (got ${describe(value)})`;

const isDateTimeOrNull: Check = (value, field) =>
  value === null || (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
    ? undefined
    : `${field} must be an ISO 8601 date-time such as 2022-02-19T00:00:00Z, or null (got ${describe(value)})`;

const isCurrencyCode: Check = (value, field) =>
  typeof value === 'string' && CURRENCY_CODE.test(value) ? undefined : `${field} must be a three-letter ISO 4217 code such as USD (got ${describe(value)})`;

const isInteger: Check = (value, field) => (Number.isInteger(value) ? undefined : `${field} must be an integer (got ${describe(value)})`);

const isQuantity: Check = (value, field) =>
  Number.isInteger(value) && (value as number) >= 1 ? undefined : `${field} is required and must be an integer >= 1 (got ${describe(value)})`;

const oneOf =
  (allowed: string[], required: boolean): Check =>
  (value, field) =>
    typeof value === 'string' && allowed.includes(value)
      ? undefined
      : `${field} ${required ? 'is required and ' : ''}must be one of ${allowed.join(', ')} (got ${describe(value)})`;

const isDuration: Check = (value, field) =>
  typeof value === 'string' && ISO_DURATION.test(value) ? undefined : `${field} must be an ISO 8601 duration such as P1M or P1Y (got ${describe(value)})`;

const isParticipants: Check = (value, field) => {
  if (!Array.isArray(value)) return `${field} must be an array of {key, value} (got ${describe(value)})`;
  for (const [index, participant] of value.entries()) {
    const at = `${field}[${index}]`;
    if (!isJsonObject(participant)) return `${at} must be an object {key, value} (got ${describe(participant)})`;
    const problem = oneOf(PARTICIPANT_KEYS, true)(participant.key, `${at}.key`) ?? isNonEmptyString(participant.value, `${at}.value`);
    if (problem) return problem;
  }
  return undefined;
};

const isStringMap: Check = (value, field) => {
  if (!isJsonObject(value)) return `${field} must be an object with string values (got ${describe(value)})`;
  const wrong = Object.entries(value).find(([, entry]) => typeof entry !== 'string');
  return wrong ? `${field}.${wrong[0]} must be a string (got ${describe(wrong[1])})` : undefined;
};

const isRenewsTo: Check = (value, field) => {
  if (value === null) return undefined;
  if (!isJsonObject(value)) return `${field} must be an object {termDuration} or null (got ${describe(value)})`;
  return value.termDuration === undefined ? undefined : isDuration(value.termDuration, `${field}.termDuration`);
};

const isPartnerIds: Check = (value, field) => {
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) return `${field} must be an array of partner id strings (got ${describe(value)})`;
  return value.length > MAX_ADDITIONAL_PARTNER_IDS ? `${field} must hold at most ${MAX_ADDITIONAL_PARTNER_IDS} partner ids (got ${value.length})` : undefined;
};

const isLineItems =
  (minItems: number): Check =>
  (value, field) => {
    if (!Array.isArray(value)) return `${field} is required and must be an array of line items (got ${describe(value)})`;
    if (value.length < minItems) return `${field} must hold at least ${minItems} line item (got none)`;
    const seenIds = new Set<unknown>();
    for (const [index, item] of value.entries()) {
      const at = `${field}[${index}]`;
      const problem = checkLineItem(item, at);
      if (problem) return problem;
      const id = (item as JsonObject).id;
      if (id !== undefined && seenIds.has(id)) return `${at}.id must be unique within ${field} (${describe(id)} is used twice)`;
      seenIds.add(id);
    }
    return undefined;
  };

const REQUIRED_LINE_ITEM_FIELDS: Record<string, Check> = {
  catalogItemId: isNonEmptyString,
  quantity: isQuantity,
  billingCycle: oneOf(BILLING_CYCLES, true),
};

const OPTIONAL_LINE_ITEM_FIELDS: Record<string, Check> = {
  id: isInteger,
  friendlyName: isString,
  currencyCode: isCurrencyCode,
  termDuration: isDuration,
  promotionId: isString,
  purchaseSystem: isString,
  orderGroup: isString,
  participants: isParticipants,
  provisioningContext: isStringMap,
  addonItems: isLineItems(0),
  renewsTo: isRenewsTo,
  customTermEndDate: isDateTimeOrNull,
  attestationAccepted: isBooleanOrNull,
  additionalPartnerIdsOnRecord: isPartnerIds,
};

function checkLineItem(item: unknown, field: string): string | undefined {
  if (!isJsonObject(item)) return `${field} must be an object (got ${describe(item)})`;
  for (const [name, check] of Object.entries(REQUIRED_LINE_ITEM_FIELDS)) {
    const problem = check(item[name], `${field}.${name}`);
    if (problem) return problem;
  }
  for (const [name, check] of Object.entries(OPTIONAL_LINE_ITEM_FIELDS)) {
    if (item[name] === undefined) continue;
    const problem = check(item[name], `${field}.${name}`);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Returns why a PUT body is not a valid Cart for the cart `pathCartId`, naming the field, or undefined
 * when it is valid.
 */
export function findCartBodyProblem(body: unknown, pathCartId: string): string | undefined {
  if (!isJsonObject(body)) return `The request body must be a JSON object (a Cart), got ${describe(body)}.`;
  const problem = checkCart(body, pathCartId);
  return problem === undefined ? undefined : `${problem}.`;
}

function checkCart(body: JsonObject, pathCartId: string): string | undefined {
  if (body.id !== undefined && (typeof body.id !== 'string' || body.id.toLowerCase() !== pathCartId.toLowerCase())) {
    return `id must be omitted or equal the cart id in the URL (${pathCartId}) (got ${describe(body.id)})`;
  }
  if (body.partnerOnRecordAttestationAccepted !== undefined) {
    const problem = isBooleanOrNull(body.partnerOnRecordAttestationAccepted, 'partnerOnRecordAttestationAccepted');
    if (problem) return problem;
  }
  return isLineItems(1)(body.lineItems, 'lineItems');
}
