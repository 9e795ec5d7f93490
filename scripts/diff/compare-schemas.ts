import { type ChangeSink, type Direction, severityOf } from './change.js';
import { compareDiscriminators, compareMembers } from './compare-composition.js';
import { compareConstraints, compareDefaults, compareEnums, compareNullable, compareTypes } from './compare-schema-keywords.js';
import { isObject, resolveRef, type JsonObject } from './json-pointer.js';
import { flatten, report, requiredOf, type SchemaScope, type SchemaSide, type Walk } from './schema-walk.js';

export type { SchemaSide } from './schema-walk.js';

type Side = SchemaSide & { schema: JsonObject };

/** readOnly keeps a property out of requests, writeOnly out of responses. */
const hiddenBy = (direction: Direction): 'readOnly' | 'writeOnly' => (direction === 'request' ? 'readOnly' : 'writeOnly');

/**
 * oasdiff's `request-optional-property-became-read-only` family. Only the flag that hides the property on this side
 * can break: a request property that loses readOnly while required must now be sent; a response property that
 * gains writeOnly is no longer returned. Returns whether the property travels on this side both before and after.
 */
function compareReadWrite(walk: Walk, at: string, was: JsonObject, now: JsonObject, required: boolean): boolean {
  const hidden = hiddenBy(walk.direction);
  // A field hidden on this side before and after never travels here, whatever its other flag does.
  if (was[hidden] === true && now[hidden] === true) return false;
  for (const flag of ['readOnly', 'writeOnly'] as const) {
    const set = now[flag] === true;
    if ((was[flag] === true) === set) continue;
    const hides = flag === hidden;
    const breaking = hides && (walk.direction === 'request' ? !set && required : set);
    const flagName = flag === 'readOnly' ? 'read-only' : 'write-only';
    walk.emit({
      severity: breaking ? 'breaking' : 'non-breaking',
      id: `${walk.direction}-${required ? 'required' : 'optional'}-property-became-${set ? '' : 'not-'}${flagName}`,
      category: 'read-write',
      rule: `${walk.direction}.property.${set ? '' : 'not-'}${flagName}`,
      location: at,
      message: hides
        ? `${flag} ${set ? 'set: the field no longer travels in' : 'cleared: the field now travels in'} ${walk.direction}s`
        : `${flag} ${set ? 'set' : 'cleared'} (no effect on ${walk.direction}s)`,
    });
  }
  return was[hidden] !== true && now[hidden] !== true;
}

function reportPropertyRemoved(walk: Walk, at: string, required: boolean, closed: boolean): void {
  const { direction } = walk;
  walk.emit({
    severity: direction === 'response' || closed ? 'breaking' : 'non-breaking',
    id: direction === 'request' ? 'request-property-removed' : `response-${required ? 'required' : 'optional'}-property-removed`,
    category: 'properties',
    rule: `${direction}.property.removed`,
    location: at,
    message:
      direction === 'response'
        ? 'field removed from the response'
        : closed
          ? 'field removed and additional properties are refused'
          : 'field no longer documented (the schema stays open, so sending it is still accepted)',
  });
}

function reportPropertyAdded(walk: Walk, at: string, required: boolean): void {
  const { direction } = walk;
  const kind = required ? 'required' : 'optional';
  walk.emit({
    severity: direction === 'request' && required ? 'breaking' : 'non-breaking',
    id: direction === 'request' ? `new-${kind}-request-property` : `response-${kind}-property-added`,
    category: 'properties',
    rule: `${direction}.property.added${required ? '-required' : ''}`,
    location: at,
    message: `${kind} field added`,
  });
}

function compareRequired(walk: Walk, at: string, nowRequired: boolean): void {
  report(walk, at, {
    severity: severityOf(walk.direction, nowRequired),
    check: nowRequired ? 'became-required' : 'became-optional',
    category: 'required',
    rule: `property.${nowRequired ? 'newly-required' : 'no-longer-required'}`,
    message: nowRequired ? 'field is now required' : 'field is no longer required (it may be absent)',
  });
}

function compareDeprecated(walk: Walk, at: string, was: JsonObject, now: JsonObject): void {
  const deprecated = now.deprecated === true;
  if ((was.deprecated === true) === deprecated) return;
  report(walk, at, {
    severity: 'non-breaking',
    check: deprecated ? (now['x-sunset'] === undefined ? 'deprecated' : 'deprecated-with-sunset') : 'reactivated',
    category: 'deprecation',
    rule: `property.${deprecated ? 'deprecated' : 'reactivated'}`,
    message: deprecated ? 'field deprecated' : 'field no longer deprecated',
  });
}

function compareProperties(before: Side, after: Side, path: string, walk: Walk): void {
  const wasProperties = isObject(before.schema.properties) ? before.schema.properties : {};
  const nowProperties = isObject(after.schema.properties) ? after.schema.properties : {};
  const wasRequired = requiredOf(before.schema);
  const nowRequired = requiredOf(after.schema);
  const hidden = hiddenBy(walk.direction);
  for (const name of [...new Set([...Object.keys(wasProperties), ...Object.keys(nowProperties)])].sort()) {
    const at = path ? `${path}.${name}` : name;
    const was = name in wasProperties ? (flatten(before.document, wasProperties[name]) ?? {}) : undefined;
    const now = name in nowProperties ? (flatten(after.document, nowProperties[name]) ?? {}) : undefined;
    if (!now) {
      if (was?.[hidden] !== true) reportPropertyRemoved(walk, at, wasRequired.has(name), after.schema.additionalProperties === false);
      continue;
    }
    if (!was) {
      if (now[hidden] !== true) reportPropertyAdded(walk, at, nowRequired.has(name));
      continue;
    }
    if (!compareReadWrite(walk, at, was, now, wasRequired.has(name) || nowRequired.has(name))) continue;
    if (wasRequired.has(name) !== nowRequired.has(name)) compareRequired(walk, at, nowRequired.has(name));
    compareDeprecated(walk, at, was, now);
    compareSchemaNodes(
      { document: before.document, node: wasProperties[name] },
      { document: after.document, node: nowProperties[name] },
      at,
      walk,
    );
  }
}

type Additional = 'refused' | 'any' | 'schema';
const additionalOf = (schema: JsonObject): Additional =>
  schema.additionalProperties === false ? 'refused' : isObject(schema.additionalProperties) ? 'schema' : 'any';

/** Whether properties the schema does not list are refused, free, or held to a schema. */
function compareAdditionalProperties(before: Side, after: Side, path: string, walk: Walk): void {
  const was = additionalOf(before.schema);
  const now = additionalOf(after.schema);
  if (was === 'schema' && now === 'schema') {
    compareSchemaNodes(
      { document: before.document, node: before.schema.additionalProperties },
      { document: after.document, node: after.schema.additionalProperties },
      `${path}{*}`,
      walk,
    );
    return;
  }
  if (was === now) return;
  const openness: Record<Additional, number> = { refused: 0, schema: 1, any: 2 };
  const tightened = openness[now] < openness[was];
  const check = now === 'refused' ? 'refused' : was === 'refused' ? 'allowed' : now === 'schema' ? 'restricted' : 'unrestricted';
  report(walk, path, {
    severity: severityOf(walk.direction, tightened),
    check: `additional-properties-${check}`,
    category: 'additional-properties',
    rule: `additional-properties.${check}`,
    message: `properties not listed: ${was} → ${now}`,
  });
}

function compareSchemaNodes(before: SchemaSide, after: SchemaSide, path: string, walk: Walk): void {
  const wasRef = resolveRef(before.document, before.node).ref;
  const nowRef = resolveRef(after.document, after.node).ref;
  if (wasRef && nowRef) {
    const pair = `${wasRef}→${nowRef}`;
    if (walk.compared.has(pair)) return;
    walk.compared.add(pair);
  }
  const was = flatten(before.document, before.node);
  const now = flatten(after.document, after.node);
  if (!was || !now) return;
  const documents = { before: before.document, after: after.document };
  compareTypes(documents, was, now, path, walk);
  compareEnums(was, now, path, walk);
  compareConstraints(was, now, path, walk);
  compareNullable(was, now, path, walk);
  compareDefaults(was, now, path, walk);
  compareDiscriminators(was, now, path, walk);
  compareProperties({ ...before, schema: was }, { ...after, schema: now }, path, walk);
  compareAdditionalProperties({ ...before, schema: was }, { ...after, schema: now }, path, walk);
  if (was.items !== undefined && now.items !== undefined) {
    compareSchemaNodes({ ...before, node: was.items }, { ...after, node: now.items }, `${path}[]`, walk);
  }
  compareMembers({ ...before, schema: was }, { ...after, schema: now }, path, walk, compareSchemaNodes);
}

export interface SchemaComparison {
  direction: Direction;
  scope: SchemaScope;
  defaultsBreak?: boolean;
}

/**
 * Reports every difference between two schemas that changes what a consumer may send
 * (`request`) or must be ready to receive (`response`).
 */
export function compareSchemas(before: SchemaSide, after: SchemaSide, comparison: SchemaComparison, emit: ChangeSink): void {
  const { direction, scope, defaultsBreak = false } = comparison;
  compareSchemaNodes(before, after, '', { direction, scope, emit, compared: new Set(), defaultsBreak });
}
