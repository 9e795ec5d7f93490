import type { AcceptanceTable, AcceptedProperty, AcceptedValue } from '../../src/validation/acceptance-table.js';
import { dotnetEnumName } from '../../src/validation/dotnet-enum-name.js';
import { isObject, type Json, type JsonObject } from '../spec/json.js';

/*
 * The service-acceptance tables (generated/acceptance.ts): how Partner Center reads a request body, derived from the
 * request body's schema and the `x-service-acceptance` rules beside it in the spec. For every object schema the body
 * can hold, the canonical name of each property (looked up by its lower-case spelling when names are read
 * case-insensitively), whether a null means "unset", the canonical enum values by the name the .NET converter reads
 * them as, which strings are date-times, and which maps have their keys camelCased. src/validation/service-body.ts
 * walks a body with these tables; the schema's own generated validator then judges the result.
 */

const SCHEMA_REF = '#/components/schemas/';

/** The rule values this generator knows, per rule; anything else in the spec fails the generation. */
const KNOWN_RULES = {
  propertyNames: ['case-insensitive', 'exact'],
  enumValues: ['dotnet-enum-converter', 'exact'],
  nullOptionalProperties: ['absent', 'refused'],
  dateTimesWithoutOffset: ['utc', 'refused'],
} as const;

type RuleName = keyof typeof KNOWN_RULES;
type Rules = { [name in RuleName]: (typeof KNOWN_RULES)[name][number] };

function readRules(extension: JsonObject, where: string): Rules {
  const rules: Partial<Record<RuleName, string>> = {};
  for (const name of Object.keys(KNOWN_RULES) as RuleName[]) {
    const value = extension[name];
    const allowed: readonly string[] = KNOWN_RULES[name];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new Error(`${where}.${name} is ${JSON.stringify(value)}; the generator knows ${allowed.join(', ')}`);
    }
    rules[name] = value;
  }
  return rules as Rules;
}

function readMapNames(extension: JsonObject, schemas: JsonObject, where: string): Set<string> {
  const names = extension.camelCaseMapKeys ?? [];
  if (!Array.isArray(names)) throw new Error(`${where}.camelCaseMapKeys must be a list of schema names`);
  for (const name of names) {
    const schema = typeof name === 'string' ? schemas[name] : undefined;
    if (!isObject(schema) || schema.additionalProperties === undefined || schema.properties !== undefined) {
      throw new Error(`${where}.camelCaseMapKeys lists ${JSON.stringify(name)}, which is not a map schema in components.schemas`);
    }
  }
  return new Set(names as string[]);
}

/** Builds the tables for the request body whose schema is `bodySchema`, under the rules of `extension`. */
export function buildAcceptanceTable(bodySchema: Json, extension: Json, schemas: JsonObject, where: string): AcceptanceTable {
  if (!isObject(extension)) throw new Error(`${where} must be a mapping of rules`);
  const rules = readRules(extension, where);
  const camelCaseMaps = readMapNames(extension, schemas, where);
  const shapes: AcceptanceTable['shapes'] = {};

  const component = (ref: string, at: string): { name: string; schema: JsonObject } => {
    const name = ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : undefined;
    const schema = name === undefined ? undefined : schemas[name];
    if (name === undefined || !isObject(schema)) throw new Error(`${at}: $ref ${ref} is not a schema in components.schemas`);
    return { name, schema };
  };

  const describeValue = (schema: Json, at: string, shapeName: string): AcceptedValue => {
    if (!isObject(schema)) throw new Error(`${at} is not a schema`);
    for (const keyword of ['allOf', 'anyOf', 'oneOf', 'not']) {
      if (schema[keyword] !== undefined) throw new Error(`${at} uses ${keyword}, which the acceptance generator does not read yet`);
    }
    if (typeof schema.$ref === 'string') {
      const target = component(schema.$ref, at);
      const value = describeValue(target.schema, target.name, target.name);
      return camelCaseMaps.has(target.name) ? { ...value, camelCaseKeys: true } : value;
    }
    const value: AcceptedValue = {};
    if (isObject(schema.properties)) {
      value.shape = shapeName;
      if (!(shapeName in shapes)) describeShape(schema, at, shapeName);
    }
    if (schema.items !== undefined) value.items = describeValue(schema.items, `${at}.items`, `${shapeName}[]`);
    if (isObject(schema.additionalProperties)) {
      value.mapValues = describeValue(schema.additionalProperties, `${at}.additionalProperties`, `${shapeName}{}`);
    }
    if (rules.enumValues === 'dotnet-enum-converter') {
      const byName = dotnetEnumNames(schema, at);
      if (byName) value.enumByDotnetName = byName;
    }
    if (schema.format === 'date-time' && rules.dateTimesWithoutOffset === 'utc') value.dateTime = true;
    return value;
  };

  const describeShape = (schema: JsonObject, at: string, shapeName: string): void => {
    const properties: Record<string, AcceptedProperty> = {};
    shapes[shapeName] = properties; // registered before the walk, so a schema that contains itself ends the recursion
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const [name, propertySchema] of Object.entries(schema.properties as JsonObject)) {
      const key = rules.propertyNames === 'case-insensitive' ? name.toLowerCase() : name;
      if (key in properties) throw new Error(`${at}: properties ${properties[key]?.name} and ${name} differ only in case`);
      const property: AcceptedProperty = { name, ...describeValue(propertySchema, `${at}.${name}`, `${shapeName}.${name}`) };
      if (rules.nullOptionalProperties === 'absent' && !required.has(name) && !isNullable(propertySchema, schemas)) {
        property.nullMeansAbsent = true;
      }
      properties[key] = property;
    }
  };

  return { caseInsensitiveNames: rules.propertyNames === 'case-insensitive', root: describeValue(bodySchema, where, 'body'), shapes };
}

/**
 * The canonical value of each .NET member name: for a string enum the member is the value's own .NET reading
 * (`one_time` -> `OneTime`); an integer enum lists its members in `x-dotnet-enum-members` (`InvalidPromotionId: 10014`).
 */
function dotnetEnumNames(schema: JsonObject, at: string): Record<string, string | number> | undefined {
  const members = schema['x-dotnet-enum-members'];
  if (members !== undefined) {
    const valid = isObject(members) && Object.values(members).every((code) => typeof code === 'number' && Number.isInteger(code));
    if (!valid || schema.type !== 'integer')
      throw new Error(`${at}: x-dotnet-enum-members must map member names to integers of an integer schema`);
    return members as Record<string, number>;
  }
  if (!Array.isArray(schema.enum)) return undefined;
  const values = schema.enum.filter((member): member is string => typeof member === 'string');
  return Object.fromEntries(values.map((member) => [dotnetEnumName(member), member]));
}

function isNullable(schema: Json, schemas: JsonObject): boolean {
  if (!isObject(schema)) return false;
  if (schema.nullable === true) return true;
  return typeof schema.$ref === 'string' && isNullable(schemas[schema.$ref.slice(SCHEMA_REF.length)] ?? null, schemas);
}

/** Every request body that carries `x-service-acceptance`, as [operationId, body schema, extension, where]. */
export function findAcceptanceRules(spec: Json): Array<{ operationId: string; schema: Json; extension: Json; where: string }> {
  const found: Array<{ operationId: string; schema: Json; extension: Json; where: string }> = [];
  const paths = isObject(spec) && isObject(spec.paths) ? spec.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      const body = isObject(operation) && isObject(operation.requestBody) ? operation.requestBody : undefined;
      if (!body || body['x-service-acceptance'] === undefined || !isObject(operation)) continue;
      const where = `paths.${path}.${method}.requestBody.x-service-acceptance`;
      const content = isObject(body.content) ? body.content['application/json'] : undefined;
      if (!isObject(content) || content.schema === undefined) throw new Error(`${where}: the request body has no application/json schema`);
      if (typeof operation.operationId !== 'string') throw new Error(`${where}: the operation has no operationId to name its table`);
      found.push({ operationId: operation.operationId, schema: content.schema, extension: body['x-service-acceptance'], where });
    }
  }
  return found;
}

// The tables' types live beside the code that reads them, so the generated file imports them instead of a copy.
const TYPES = "import type { AcceptanceTable } from '../src/validation/acceptance-table.js';\n";

export function renderAcceptance(spec: Json, header: string): string {
  const schemas = isObject(spec) && isObject(spec.components) && isObject(spec.components.schemas) ? spec.components.schemas : {};
  const tables = findAcceptanceRules(spec).map(({ operationId, schema, extension, where }) => {
    const table = buildAcceptanceTable(schema, extension, schemas, where);
    return `/** How the service reads the body of \`${operationId}\`. */\nexport const ${operationId}Acceptance: AcceptanceTable = ${JSON.stringify(table, null, 2)};\n`;
  });
  if (tables.length === 0) throw new Error('no request body in the spec carries x-service-acceptance; the acceptance function needs one');
  return `${header}${TYPES}\n${tables.join('\n')}`;
}
