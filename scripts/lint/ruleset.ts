import { oas } from '@stoplight/spectral-rulesets';
import owasp from '@stoplight/spectral-owasp-ruleset';
import documentation from '@stoplight/spectral-documentation';
import { casing, falsy, pattern, schema, truthy } from '@stoplight/spectral-functions';
import type { RuleDefinition, RulesetDefinition } from '@stoplight/spectral-core';
import { validExamples } from './valid-examples.js';

const OPERATIONS = '$.paths[*][get,put,post,patch,delete]';

/** The rules this API's conventions add on top of the three public rulesets. Each has a failing fixture in test/lint. */
export const houseRules = {
  'pc-path-id-parameters': {
    description: 'Path parameters are kebab-case ids ending in -id, typed as uuid strings, as Partner Center writes them.',
    message: 'Path parameter must be a kebab-case "...-id" with schema type string, format uuid: {{error}}',
    severity: 'error',
    given: '$.paths[*]..parameters[?(@ && @.in === "path")]',
    then: {
      function: schema,
      functionOptions: {
        schema: {
          type: 'object',
          required: ['name', 'schema'],
          properties: {
            name: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*-id$' },
            schema: {
              type: 'object',
              required: ['type', 'format'],
              properties: { type: { const: 'string' }, format: { const: 'uuid' } },
            },
          },
        },
      },
    },
  },
  'pc-operation-id-headers': {
    description: 'Every operation documents the MS-RequestId and MS-CorrelationId request headers.',
    message: 'Operation must declare the MS-RequestId and MS-CorrelationId header parameters.',
    severity: 'error',
    given: OPERATIONS,
    then: {
      field: 'parameters',
      function: schema,
      functionOptions: {
        schema: {
          type: 'array',
          allOf: ['MS-RequestId', 'MS-CorrelationId'].map((name) => ({
            contains: { type: 'object', required: ['name', 'in'], properties: { name: { const: name }, in: { const: 'header' } } },
          })),
        },
      },
    },
  },
  'pc-response-id-headers': {
    description: 'Every response documents the echoed MS-RequestId and MS-CorrelationId headers.',
    message: 'Response must declare the MS-RequestId and MS-CorrelationId headers.',
    severity: 'error',
    given: `${OPERATIONS}.responses[*]`,
    then: {
      field: 'headers',
      function: schema,
      functionOptions: { schema: { type: 'object', required: ['MS-RequestId', 'MS-CorrelationId'] } },
    },
  },
  'pc-error-body': {
    description: 'Every 4xx and 5xx response carries the shared Partner Center error body as application/json.',
    message: '4xx/5xx responses must use the PartnerCenterError schema for application/json.',
    severity: 'error',
    given: `${OPERATIONS}.responses[?(@property.match(/^[45]/))]`,
    then: {
      function: schema,
      functionOptions: {
        schema: {
          type: 'object',
          required: ['content'],
          properties: {
            content: {
              type: 'object',
              required: ['application/json'],
              properties: {
                'application/json': {
                  type: 'object',
                  required: ['schema'],
                  properties: { schema: { type: 'object', required: ['title'], properties: { title: { const: 'PartnerCenterError' } } } },
                },
              },
            },
          },
        },
      },
    },
  },
  'pc-camel-case-properties': {
    description: 'Schema properties are camelCase, as the service writes them.',
    message: 'Property "{{property}}" must be camelCase.',
    severity: 'error',
    given: '$..properties[*]~',
    then: { function: casing, functionOptions: { type: 'camel' } },
  },
  'pc-media-type-examples': {
    description: 'Every request and response body has at least one named example.',
    message: 'Body media type must have named examples.',
    severity: 'error',
    given: [`${OPERATIONS}.requestBody.content[*]`, `${OPERATIONS}.responses[*].content[*]`],
    then: { field: 'examples', function: truthy },
  },
  'pc-example-names': {
    description: 'Component examples are named <Operation>(Request|Response)_<Scenario> or Error_<Scenario>.',
    message: 'Example name "{{property}}" must look like UpdateCartRequest_Scenario, GetCartResponse_Scenario or Error_Scenario.',
    severity: 'error',
    given: '$.components.examples',
    then: {
      field: '@key',
      function: pattern,
      functionOptions: { match: '^([A-Z][A-Za-z]+(Request|Response)|Error)_[A-Z][A-Za-z0-9]*$' },
    },
  },
  'pc-valid-examples': {
    description: 'Every named request and response example validates against its schema, recursive schemas included.',
    message: '{{error}}',
    severity: 'error',
    resolved: false,
    given: '$',
    then: { function: validExamples },
  },
  'pc-request-not-read-only': {
    description:
      'Request schemas carry no readOnly: the PUT takes back the cart GET returned and ignores its server-set fields, so they are accepted, not read-only (CartUpdate x-decision).',
    message: 'Request schema must not be readOnly; say "set by the service and ignored when sent" in its description instead.',
    severity: 'error',
    given: `${OPERATIONS}.requestBody.content[*].schema..readOnly`,
    then: { function: falsy },
  },
  'pc-versioned-paths': {
    description: 'Paths carry the Partner Center version segment, /v1.',
    message: 'Path "{{property}}" must start with a version segment such as /v1/.',
    severity: 'error',
    given: '$.paths',
    then: { field: '@key', function: pattern, functionOptions: { match: '^/v[0-9]+/' } },
  },
} satisfies Record<string, RuleDefinition>;

/**
 * Rules of the public rulesets turned off for this API, each with its reason. This contract describes someone else's
 * API: it must not refuse what Partner Center accepts, so limits it does not document are not invented.
 */
export const rulesTurnedOff: Record<string, string> = {
  'owasp:api8:2023-define-cors-origin':
    'Partner Center is called server to server and documents no CORS headers; the rule also matches any property named headers, such as Link.headers inside examples.',
  'owasp:api3:2023-no-additionalProperties':
    'The contract is open for extension by decision: a cart read, changed and sent back keeps properties this contract does not know yet, and provisioningContext is a string map by nature.',
  'owasp:api3:2023-constrained-additionalProperties':
    'provisioningContext is a string map whose keys come from each SKU; the service documents no limit on their number.',
  'owasp:api4:2023-rate-limit':
    'Partner Center documents no rate-limit headers on 2xx/4xx responses; it throttles with 429 and Retry-After, which owasp:api4:2023-rate-limit-retry-after and -responses-429 check.',
  'owasp:api4:2023-array-limit':
    'The service documents no item limits except additionalPartnerIdsOnRecord (maxItems 5, set); an invented maxItems would refuse carts the service accepts.',
  'owasp:api4:2023-string-limit':
    'The service documents no string lengths except the error description (maxLength 1024, set); ids carry format uuid, enums carry enum. An invented maxLength would refuse input the service accepts.',
  'owasp:api4:2023-string-restricted':
    'Free-text fields (friendlyName, descriptions) and catalog ids (three documented shapes) have no single format or pattern; where one exists (uuid, date-time, currency, term duration, locale) it is set.',
};

/**
 * The rulesets' type declarations describe their CommonJS build (`module.exports.default`), while Node loads their
 * ESM build, whose default export is the ruleset itself; accept either shape.
 */
function rulesetOf(imported: unknown): RulesetDefinition {
  const unwrapped = typeof imported === 'object' && imported !== null && 'default' in imported ? imported.default : imported;
  return unwrapped as RulesetDefinition;
}

export const ruleset: RulesetDefinition = {
  extends: [[rulesetOf(oas), 'recommended'], rulesetOf(owasp), rulesetOf(documentation)],
  rules: {
    ...houseRules,
    ...Object.fromEntries(Object.keys(rulesTurnedOff).map((rule) => [rule, 'off'])),
  },
};
