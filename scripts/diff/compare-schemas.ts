import type { ChangeSink, Direction } from './change.js';
import { isObject, resolveRef, type Json, type JsonObject } from './json-pointer.js';

/** A schema node and the document its `$ref`s resolve against. */
export interface SchemaSide {
  document: Json;
  node: Json | undefined;
}

interface Walk {
  direction: Direction;
  emit: ChangeSink;
  /** Pairs of named schemas already compared, so recursive schemas (addonItems) end. */
  compared: Set<string>;
}

/**
 * A change that makes the schema accept fewer values ("tightened") breaks requests, because clients
 * sending the old values get rejected; one that accepts more ("loosened") breaks responses, because
 * clients may now receive values they were never told about.
 */
function severityOf(direction: Direction, tightened: boolean): 'breaking' | 'non-breaking' {
  return (direction === 'request') === tightened ? 'breaking' : 'non-breaking';
}

const lowerBounds = ['minimum', 'minLength', 'minItems', 'minProperties'] as const;
const upperBounds = ['maximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const exactConstraints = ['pattern', 'format', 'multipleOf'] as const;
const flagConstraints = ['exclusiveMinimum', 'exclusiveMaximum', 'uniqueItems'] as const;

const show = (value: Json | undefined): string => (value === undefined ? 'none' : JSON.stringify(value));

/** Merges `allOf` branches into one schema so a property moved into or out of a composed part is not a change. */
function flatten(document: Json, node: Json | undefined): JsonObject | undefined {
  const { node: schema } = resolveRef(document, node);
  if (!isObject(schema)) return undefined;
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  const merged: JsonObject = { ...own };
  const properties: JsonObject = isObject(own.properties) ? { ...own.properties } : {};
  const required = new Set<string>(Array.isArray(own.required) ? own.required.filter((x): x is string => typeof x === 'string') : []);
  for (const branch of allOf) {
    const part = flatten(document, branch);
    if (!part) continue;
    if (isObject(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required)) for (const name of part.required) if (typeof name === 'string') required.add(name);
    for (const [key, value] of Object.entries(part))
      if (!(key in merged) && key !== 'properties' && key !== 'required') merged[key] = value;
  }
  return { ...merged, properties, required: [...required] };
}

/** The JSON types a schema admits; `undefined` means any type. */
function typesOf(document: Json, schema: JsonObject): Set<string> | undefined {
  if (typeof schema.type === 'string') return new Set([schema.type]);
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (!branches) return undefined;
  const types = new Set<string>();
  for (const branch of branches) {
    const part = flatten(document, branch);
    const partTypes = part && typesOf(document, part);
    if (!partTypes) return undefined;
    for (const type of partTypes) types.add(type);
  }
  return types;
}

/** Whether every value of type set `inner` is also admitted by `outer`. */
function covers(outer: Set<string> | undefined, inner: Set<string> | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  return [...inner].every((type) => outer.has(type) || (type === 'integer' && outer.has('number')));
}

const describeTypes = (types: Set<string> | undefined): string => (types ? [...types].sort().join(' | ') : 'any');

function compareTypes(document: { before: Json; after: Json }, before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  const was = typesOf(document.before, before);
  const now = typesOf(document.after, after);
  if (describeTypes(was) === describeTypes(now)) return;
  const breaking = walk.direction === 'request' ? !covers(now, was) : !covers(was, now);
  walk.emit({
    severity: breaking ? 'breaking' : 'non-breaking',
    rule: `${walk.direction}.type.changed`,
    location: path,
    message: `type changed from ${describeTypes(was)} to ${describeTypes(now)}`,
  });
}

function compareConstraints(before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  const report = (keyword: string, tightened: boolean | 'changed'): void => {
    walk.emit({
      severity: tightened === 'changed' ? 'breaking' : severityOf(walk.direction, tightened),
      rule: `${walk.direction}.constraint.${tightened === 'changed' ? 'changed' : tightened ? 'tightened' : 'loosened'}`,
      location: path,
      message: `${keyword} ${show(before[keyword])} → ${show(after[keyword])}`,
    });
  };
  for (const keyword of lowerBounds) {
    const was = before[keyword];
    const now = after[keyword];
    if (was === now) continue;
    report(keyword, typeof now === 'number' && (typeof was !== 'number' || now > was));
  }
  for (const keyword of upperBounds) {
    const was = before[keyword];
    const now = after[keyword];
    if (was === now) continue;
    report(keyword, typeof now === 'number' && (typeof was !== 'number' || now < was));
  }
  for (const keyword of exactConstraints) {
    const was = before[keyword];
    const now = after[keyword];
    if (was === now) continue;
    report(keyword, was === undefined ? true : now === undefined ? false : 'changed');
  }
  for (const keyword of flagConstraints) {
    if ((before[keyword] === true) !== (after[keyword] === true)) report(keyword, after[keyword] === true);
  }
  if ((before.nullable === true) !== (after.nullable === true)) report('nullable', after.nullable !== true);
}

function compareEnums(before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  const was = Array.isArray(before.enum) ? before.enum.map((value) => JSON.stringify(value)) : undefined;
  const now = Array.isArray(after.enum) ? after.enum.map((value) => JSON.stringify(value)) : undefined;
  if (!was && !now) return;
  if (!was || !now) {
    const closedNow = now !== undefined;
    walk.emit({
      severity: severityOf(walk.direction, closedNow),
      rule: `${walk.direction}.enum.${closedNow ? 'added' : 'removed'}`,
      location: path,
      message: closedNow ? `values restricted to ${now.join(', ')}` : `no longer restricted to ${was?.join(', ')}`,
    });
    return;
  }
  const removed = was.filter((value) => !now.includes(value));
  const added = now.filter((value) => !was.includes(value));
  if (removed.length > 0) {
    walk.emit({
      severity: severityOf(walk.direction, true),
      rule: `${walk.direction}.enum.value-removed`,
      location: path,
      message: `enum value${removed.length > 1 ? 's' : ''} ${removed.join(', ')} removed`,
    });
  }
  if (added.length > 0) {
    walk.emit({
      severity: severityOf(walk.direction, false),
      rule: `${walk.direction}.enum.value-added`,
      location: path,
      message: `enum value${added.length > 1 ? 's' : ''} ${added.join(', ')} added`,
    });
  }
}

const requiredOf = (schema: JsonObject): Set<string> =>
  new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);

/** A readOnly property never travels in a request, a writeOnly one never in a response. */
function travels(document: Json, property: Json | undefined, direction: Direction): boolean {
  const schema = flatten(document, property);
  return !(direction === 'request' ? schema?.readOnly === true : schema?.writeOnly === true);
}

function compareProperties(
  before: SchemaSide & { schema: JsonObject },
  after: SchemaSide & { schema: JsonObject },
  path: string,
  walk: Walk,
): void {
  const wasProperties = isObject(before.schema.properties) ? before.schema.properties : {};
  const nowProperties = isObject(after.schema.properties) ? after.schema.properties : {};
  const wasRequired = requiredOf(before.schema);
  const nowRequired = requiredOf(after.schema);
  const names = new Set([...Object.keys(wasProperties), ...Object.keys(nowProperties), ...wasRequired, ...nowRequired]);
  const { direction } = walk;
  for (const name of [...names].sort()) {
    const at = path ? `${path}.${name}` : name;
    const was = wasProperties[name];
    const now = nowProperties[name];
    if (!travels(before.document, was, direction) || !travels(after.document, now, direction)) continue;
    const wasDeclared = name in wasProperties;
    const nowDeclared = name in nowProperties;
    if (wasDeclared && !nowDeclared) {
      const closed = after.schema.additionalProperties === false;
      walk.emit({
        severity: direction === 'response' || closed ? 'breaking' : 'non-breaking',
        rule: `${direction}.property.removed`,
        location: at,
        message:
          direction === 'response'
            ? 'field removed from the response'
            : closed
              ? 'field removed and additional properties are refused'
              : 'field no longer documented (the schema stays open, so sending it is still accepted)',
      });
      continue;
    }
    if (!wasDeclared && nowDeclared) {
      const required = nowRequired.has(name);
      walk.emit({
        severity: direction === 'request' && required ? 'breaking' : 'non-breaking',
        rule: `${direction}.property.added${required ? '-required' : ''}`,
        location: at,
        message: `${required ? 'required' : 'optional'} field added`,
      });
      continue;
    }
    if (wasRequired.has(name) !== nowRequired.has(name)) {
      const nowRequiredHere = nowRequired.has(name);
      walk.emit({
        severity: severityOf(direction, nowRequiredHere),
        rule: `${direction}.property.${nowRequiredHere ? 'newly-required' : 'no-longer-required'}`,
        location: at,
        message: nowRequiredHere ? 'field is now required' : 'field is no longer required (it may be absent)',
      });
    }
    if (wasDeclared && nowDeclared) {
      compareSchemaNodes({ document: before.document, node: was }, { document: after.document, node: now }, at, walk);
    }
  }
  const wasOpen = before.schema.additionalProperties !== false;
  const nowOpen = after.schema.additionalProperties !== false;
  if (wasOpen !== nowOpen) {
    walk.emit({
      severity: severityOf(direction, !nowOpen),
      rule: `${direction}.additional-properties.${nowOpen ? 'allowed' : 'refused'}`,
      location: path || '(body)',
      message: nowOpen ? 'properties not listed are now allowed' : 'properties not listed are now refused',
    });
  }
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
  compareTypes(documents, was, now, path || '(body)', walk);
  compareEnums(was, now, path || '(body)', walk);
  compareConstraints(was, now, path || '(body)', walk);
  compareProperties({ ...before, schema: was }, { ...after, schema: now }, path, walk);
  if (was.items !== undefined && now.items !== undefined) {
    compareSchemaNodes({ ...before, node: was.items }, { ...after, node: now.items }, `${path}[]`, walk);
  }
  if (isObject(was.additionalProperties) && isObject(now.additionalProperties)) {
    compareSchemaNodes({ ...before, node: was.additionalProperties }, { ...after, node: now.additionalProperties }, `${path}{*}`, walk);
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const wasBranches = was[keyword];
    const nowBranches = now[keyword];
    if (!Array.isArray(wasBranches) || !Array.isArray(nowBranches) || wasBranches.length !== nowBranches.length) continue;
    wasBranches.forEach((branch, index) => {
      compareSchemaNodes({ ...before, node: branch }, { ...after, node: nowBranches[index] }, `${path}<${keyword}[${index}]>`, walk);
    });
  }
}

/**
 * Reports every difference between two schemas that changes what a consumer may send
 * (`request`) or must be ready to receive (`response`).
 */
export function compareSchemas(before: SchemaSide, after: SchemaSide, direction: Direction, emit: ChangeSink): void {
  compareSchemaNodes(before, after, '', { direction, emit, compared: new Set() });
}
