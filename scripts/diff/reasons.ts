/**
 * Why a breaking change breaks a consumer, in one sentence a reviewer can paste into a discussion. Rules are matched
 * by pattern, then by category, then by side (request/response), so a new check inherits a reason without an entry.
 */
import type { Category } from './change.js';

const BY_RULE: ReadonlyArray<[RegExp, string]> = [
  [/^operation\.removed$/, 'Clients that call this operation now get an error instead of a cart.'],
  [/^request\..*(newly-required|added-required)$/, 'Requests that were valid without it are now refused.'],
  [/^request\..*removed$/, 'Clients that still send it, as the old contract allowed, are refused or silently lose it.'],
  [
    /^request\.(constraint\.tightened|constraint\.changed|enum\.value-removed|enum\.added|type\.changed|additional-properties\.refused)/,
    'Values the old contract accepted in requests are now refused.',
  ],
  [/^request\.nullable\.removed/, 'Requests that send null, as the old contract allowed, are now refused.'],
  [/^response\.nullable\.added/, 'Responses may now hold null where clients expect a value.'],
  [/^response\.status\.removed/, 'Clients that wait for this status get another one and may treat success as failure.'],
  [/^response\..*(property\.removed|no-longer-required)$/, 'Clients that read this field now find it missing.'],
  [/^response\.header\.removed$/, 'Clients that read this header now find it missing.'],
  [/^response\.media-type\.removed$/, 'Clients that parse this media type no longer receive it.'],
  [
    /^response\.(type\.changed|enum\.value-added|enum\.removed|constraint\.loosened|constraint\.changed|additional-properties\.allowed)/,
    'Responses may now hold values the old contract ruled out, which strict clients (a closed enum, a typed model) reject.',
  ],
];

const BY_CATEGORY: Partial<Record<Category, string>> = {
  security: 'Clients that authenticate as the old contract said are refused.',
  servers: 'Clients configured with the old server address no longer reach the API.',
  paths: 'Clients that call this operation as the old contract said now get an error.',
  'media-types': 'Clients that send or parse the old media type no longer get through.',
};

const BY_SIDE: Readonly<Record<string, string>> = {
  request: 'Requests the old contract allowed may now be refused.',
  response: 'Responses may now differ from what clients written against the old contract expect.',
};

export function breakingReason(rule: string, category: Category): string {
  const match = BY_RULE.find(([pattern]) => pattern.test(rule));
  if (match) return match[1];
  return BY_CATEGORY[category] ?? BY_SIDE[rule.split('.')[0] ?? ''] ?? 'Code written against the old contract may stop working.';
}
