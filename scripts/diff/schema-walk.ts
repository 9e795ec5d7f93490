import type { Category, ChangeSink, Direction, Severity } from './change.js';
import { isObject, resolveRef, type Json, type JsonObject } from './json-pointer.js';

/** A schema node and the document its `$ref`s resolve against. */
export interface SchemaSide {
  document: Json;
  node: Json | undefined;
}

/** The two documents a comparison reads from. */
export interface Documents {
  before: Json;
  after: Json;
}

/**
 * oasdiff names a check after where the schema sits: `request-body-…` for the body itself and
 * `request-property-…` for anything inside it, `request-parameter-…`, `response-header-…` and so on.
 */
export interface SchemaScope {
  root: string;
  nested: string;
}

export interface Walk {
  direction: Direction;
  scope: SchemaScope;
  emit: ChangeSink;
  /** Pairs of named schemas already compared, so recursive schemas (addonItems) end. */
  compared: Set<string>;
  /** Parameters change server behaviour through their default; oasdiff reports any change of it as breaking. */
  defaultsBreak: boolean;
}

/** Reports one change found at `path` inside the schema (`''` is the schema itself). */
export function report(
  walk: Walk,
  path: string,
  change: { severity: Severity; check: string; category: Category; rule: string; message: string },
): void {
  walk.emit({
    severity: change.severity,
    id: `${path ? walk.scope.nested : walk.scope.root}-${change.check}`,
    category: change.category,
    rule: `${walk.direction}.${change.rule}`,
    location: path || '(body)',
    message: change.message,
  });
}

export const show = (value: Json | undefined): string => (value === undefined ? 'none' : JSON.stringify(value));

/** Merges `allOf` branches into one schema so a property moved into or out of a composed part is not a change. */
export function flatten(document: Json, node: Json | undefined): JsonObject | undefined {
  const { node: schema } = resolveRef(document, node);
  if (!isObject(schema)) return undefined;
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  const merged: JsonObject = { ...own };
  const properties: JsonObject = isObject(own.properties) ? { ...own.properties } : {};
  const required = new Set<string>(requiredOf(own));
  for (const branch of allOf) {
    const part = flatten(document, branch);
    if (!part) continue;
    if (isObject(part.properties)) Object.assign(properties, part.properties);
    for (const name of requiredOf(part)) required.add(name);
    for (const [key, value] of Object.entries(part))
      if (!(key in merged) && key !== 'properties' && key !== 'required') merged[key] = value;
  }
  return { ...merged, properties, required: [...required] };
}

export function requiredOf(schema: JsonObject): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);
}
