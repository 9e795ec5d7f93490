import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The csharp-netcore, java and go sources checked against generated/openapi.json: a model file per object and enum
 * schema, the API file per tag, and each model's properties with the type the spec implies. go.test.ts, java.test.ts
 * and csharp.test.ts compile them and round-trip a cart; this check needs no toolchain, and it names the property
 * whose type drifted, where a compiler would only fail somewhere in the consumer.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
}

const spec = JSON.parse(readFileSync(resolve('generated/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { tags?: string[] }>>;
  components: { schemas: Record<string, Schema> };
};
const schemas = spec.components.schemas;
const sdkDir = resolve('generated/sdks');

type Language = 'csharp' | 'java' | 'go';

const primitive: Record<string, Record<Language, string>> = {
  string: { csharp: 'string', java: 'String', go: 'string' },
  'string:date-time': { csharp: 'DateTime', java: 'OffsetDateTime', go: 'time.Time' },
  'string:uuid': { csharp: 'Guid', java: 'UUID', go: 'string' },
  'integer:int32': { csharp: 'int', java: 'Integer', go: 'int32' },
  'integer:int64': { csharp: 'long', java: 'Long', go: 'int64' },
  boolean: { csharp: 'bool', java: 'Boolean', go: 'bool' },
};

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);
const isModel = (schema: Schema): boolean => schema.enum !== undefined || schema.properties !== undefined;

/** The type a generator should give a property, from the spec alone. */
function expectedType(schema: Schema, language: Language): string {
  if (schema.$ref) {
    const target = schemas[refName(schema.$ref)];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    if (!isModel(target)) return expectedType(target, language);
    return target.nullable && language === 'go' ? `*${refName(schema.$ref)}` : refName(schema.$ref);
  }
  // A union of primitives (the error code, integer or string) becomes the language's "any value" type, on purpose:
  // generate-sdks.ts drops such unions because the generator cannot represent them (see sdkViewOfSpec).
  if (schema.oneOf ?? schema.anyOf) return { csharp: 'Object', java: 'Object', go: '*interface{}' }[language];
  if (schema.type === undefined) return { csharp: 'Object', java: 'Object', go: 'interface{}' }[language];
  if (schema.type === 'object' && schema.additionalProperties === undefined && schema.properties === undefined) {
    return { csharp: 'Object', java: 'Object', go: 'map[string]interface{}' }[language];
  }
  if (schema.type === 'array' && schema.items) {
    const item = expectedType(schema.items, language);
    return { csharp: `List<${item}>`, java: `List<${item}>`, go: `[]${item}` }[language];
  }
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    const value = expectedType(schema.additionalProperties, language);
    return { csharp: `Dictionary<string, ${value}>`, java: `Map<String, ${value}>`, go: `map[string]${value}` }[language];
  }
  const key = schema.format && primitive[`${schema.type}:${schema.format}`] ? `${schema.type}:${schema.format}` : String(schema.type);
  const type = primitive[key]?.[language];
  if (!type) throw new Error(`no expected ${language} type for ${JSON.stringify(schema)}`);
  // Nullable value types: C# makes them Nullable<T>, Go a pointer.
  if (schema.nullable && language === 'csharp' && type !== 'string') return `${type}?`;
  if (schema.nullable && language === 'go') return `*${type}`;
  return type;
}

/**
 * Go models make an optional property a pointer unless it is a list, a map or a free-form object
 * (scripts/sdk-templates/go-server), so an unset value is left out of the JSON instead of being sent as a zero value.
 */
function goOptional(type: string): string {
  return type.startsWith('*') || type.startsWith('[]') || type.startsWith('map[') ? type : `*${type}`;
}

interface SdkLayout {
  modelFile(name: string): string;
  apiFile(tag: string): string;
  /** Wire name → declared type, parsed from a model's source. */
  properties(source: string): Map<string, string>;
}

const layouts: Record<Language, SdkLayout & { dir: string }> = {
  csharp: {
    dir: join(sdkDir, 'csharp-netcore'),
    modelFile: (name) => `src/PartnerCenter.Cart/Model/${name}.cs`,
    apiFile: (tag) => `src/PartnerCenter.Cart/Api/${tag}Api.cs`,
    properties: (source) =>
      new Map(
        [...source.matchAll(/\[DataMember\(Name = "([^"]+)"[^\n]*\n(?:\s*\[[^\n]*\n)*\s*public (.+?) \w+ \{ get;/g)].map((m) => [
          m[1] ?? '',
          m[2] ?? '',
        ]),
      ),
  },
  java: {
    dir: join(sdkDir, 'java'),
    modelFile: (name) => `src/main/java/io/github/partnercentercart/client/model/${name}.java`,
    apiFile: (tag) => `src/main/java/io/github/partnercentercart/client/api/${tag}Api.java`,
    properties: (source) => {
      const wireNames = new Map([...source.matchAll(/SERIALIZED_NAME_(\w+) = "([^"]+)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
      return new Map(
        [...source.matchAll(/@SerializedName\(SERIALIZED_NAME_(\w+)\)\s*\n\s*private (.+?) \w+( = .*)?;/g)].map((m) => [
          wireNames.get(m[1] ?? '') ?? '',
          m[2] ?? '',
        ]),
      );
    },
  },
  go: {
    dir: join(sdkDir, 'go'),
    modelFile: (name) => `model_${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}.go`,
    apiFile: (tag) => `api_${tag.toLowerCase()}.go`,
    properties: (source) => new Map([...source.matchAll(/^\s+\w+ (\S+) `json:"([^",]+)/gm)].map((m) => [m[2] ?? '', m[1] ?? ''])),
  },
};

const modelNames = Object.keys(schemas).filter((name) => isModel(schemas[name] as Schema));
const objectModels = modelNames.filter((name) => schemas[name]?.properties);
const tags = [...new Set(Object.values(spec.paths).flatMap((item) => Object.values(item).flatMap((operation) => operation.tags ?? [])))];

describe.each(Object.entries(layouts) as Array<[Language, SdkLayout & { dir: string }]>)('%s SDK structure', (language, layout) => {
  it('has a model file for every object and enum schema and an API file for every tag', () => {
    const missing = [...modelNames.map(layout.modelFile), ...tags.map(layout.apiFile)].filter(
      (file) => !existsSync(join(layout.dir, file)),
    );
    expect(missing).toEqual([]);
    expect(modelNames).toContain('Cart');
  });

  it.each(objectModels)('%s has every property of the spec with the right type', (name) => {
    const declared = layout.properties(readFileSync(join(layout.dir, layout.modelFile(name)), 'utf8'));
    const required = new Set(schemas[name]?.required ?? []);
    const expected = Object.entries(schemas[name]?.properties ?? {}).map(([wireName, schema]) => [
      wireName,
      language === 'go' && !required.has(wireName) ? goOptional(expectedType(schema, language)) : expectedType(schema, language),
    ]);
    expect(Object.fromEntries([...declared].filter(([wireName]) => wireName in (schemas[name]?.properties ?? {})))).toEqual(
      Object.fromEntries(expected),
    );
  });
});
