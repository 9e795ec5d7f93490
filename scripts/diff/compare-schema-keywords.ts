import { severityOf } from './change.js';
import type { Json, JsonObject } from './json-pointer.js';
import { flatten, report, show, type Documents, type Walk } from './schema-walk.js';

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
const isComposed = (schema: JsonObject): boolean =>
  schema.type === undefined && (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf));

/**
 * oasdiff's type verdicts: generalized (every old value still valid), specialized (every new value was valid
 * before), changed (neither). A request may generalize, a response may specialize; on the request side oasdiff
 * names a narrowing plainly `…-type-changed`, and so do we.
 */
function reportTypeChange(walk: Walk, path: string, generalized: boolean, specialized: boolean, rule: string, message: string): void {
  const narrowedRequest = walk.direction === 'request' && !generalized;
  const check =
    generalized && !specialized
      ? 'type-generalized'
      : specialized && !generalized && !narrowedRequest
        ? 'type-specialized'
        : 'type-changed';
  const breaking = walk.direction === 'request' ? !generalized : !specialized;
  report(walk, path, { severity: breaking ? 'breaking' : 'non-breaking', check, category: 'types', rule, message });
}

export function compareTypes(documents: Documents, before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  // Members of oneOf/anyOf on both sides are compared one by one (compare-composition.ts).
  if (!(isComposed(before) && isComposed(after))) {
    const was = typesOf(documents.before, before);
    const now = typesOf(documents.after, after);
    if (describeTypes(was) !== describeTypes(now)) {
      const message = `type changed from ${describeTypes(was)} to ${describeTypes(now)}`;
      reportTypeChange(walk, path, covers(now, was), covers(was, now), 'type.changed', message);
    }
  }
  if (before.format !== after.format) {
    // A format narrows its type: adding one specializes, dropping one generalizes.
    const generalized = after.format === undefined;
    const specialized = before.format === undefined;
    const tightened = specialized ? 'tightened' : generalized ? 'loosened' : 'changed';
    reportTypeChange(
      walk,
      path,
      generalized,
      specialized,
      `constraint.${tightened}`,
      `format ${show(before.format)} → ${show(after.format)}`,
    );
  }
}

/** Keyword → oasdiff's short name and whether a larger value accepts fewer values. */
const bounds = {
  minimum: { name: 'min', largerTightens: true },
  maximum: { name: 'max', largerTightens: false },
  minLength: { name: 'min-length', largerTightens: true },
  maxLength: { name: 'max-length', largerTightens: false },
  minItems: { name: 'min-items', largerTightens: true },
  maxItems: { name: 'max-items', largerTightens: false },
  minProperties: { name: 'min-properties', largerTightens: true },
  maxProperties: { name: 'max-properties', largerTightens: false },
} as const;

function reportConstraint(walk: Walk, path: string, check: string, tightened: boolean | 'changed', message: string): void {
  report(walk, path, {
    severity: tightened === 'changed' ? 'breaking' : severityOf(walk.direction, tightened),
    check,
    category: 'constraints',
    rule: `constraint.${tightened === 'changed' ? 'changed' : tightened ? 'tightened' : 'loosened'}`,
    message,
  });
}

export function compareConstraints(before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  for (const [keyword, { name, largerTightens }] of Object.entries(bounds)) {
    const was = before[keyword];
    const now = after[keyword];
    if (was === now) continue;
    const message = `${keyword} ${show(was)} → ${show(now)}`;
    if (typeof was !== 'number') reportConstraint(walk, path, `${name}-set`, true, message);
    else if (typeof now !== 'number') reportConstraint(walk, path, `${name}-unset`, false, message);
    else reportConstraint(walk, path, `${name}-${now > was ? 'increased' : 'decreased'}`, now > was === largerTightens, message);
  }
  // OpenAPI 3.0's exclusive bounds are flags on minimum/maximum: setting one moves the bound inward.
  for (const [keyword, name, inward] of [
    ['exclusiveMinimum', 'exclusive-min', 'increased'],
    ['exclusiveMaximum', 'exclusive-max', 'decreased'],
  ] as const) {
    const now = after[keyword] === true;
    if ((before[keyword] === true) === now) continue;
    const outward = inward === 'increased' ? 'decreased' : 'increased';
    reportConstraint(walk, path, `${name}-${now ? inward : outward}`, now, `${keyword} ${show(before[keyword])} → ${show(after[keyword])}`);
  }
  if (before.pattern !== after.pattern) {
    const check = before.pattern === undefined ? 'pattern-added' : after.pattern === undefined ? 'pattern-removed' : 'pattern-changed';
    const tightened = check === 'pattern-added' ? true : check === 'pattern-removed' ? false : 'changed';
    reportConstraint(walk, path, check, tightened, `pattern ${show(before.pattern)} → ${show(after.pattern)}`);
  }
  if (before.multipleOf !== after.multipleOf) {
    const was = before.multipleOf;
    const now = after.multipleOf;
    const tightened =
      typeof was !== 'number' ? true : typeof now !== 'number' ? false : now % was === 0 ? true : was % now === 0 ? false : 'changed';
    reportConstraint(walk, path, 'multiple-of-changed', tightened, `multipleOf ${show(was)} → ${show(now)}`);
  }
  if ((before.uniqueItems === true) !== (after.uniqueItems === true)) {
    const now = after.uniqueItems === true;
    reportConstraint(
      walk,
      path,
      `unique-items-${now ? 'set' : 'unset'}`,
      now,
      `uniqueItems ${show(before.uniqueItems)} → ${show(after.uniqueItems)}`,
    );
  }
}

export function compareNullable(before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  const now = after.nullable === true;
  if ((before.nullable === true) === now) return;
  report(walk, path, {
    severity: severityOf(walk.direction, !now),
    check: now ? 'became-nullable' : 'became-not-nullable',
    category: 'nullable',
    rule: `nullable.${now ? 'allowed' : 'refused'}`,
    message: now ? 'null is now allowed' : 'null is no longer allowed',
  });
}

export function compareEnums(before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  const was = Array.isArray(before.enum) ? before.enum.map((value) => JSON.stringify(value)) : undefined;
  const now = Array.isArray(after.enum) ? after.enum.map((value) => JSON.stringify(value)) : undefined;
  if (!was && !now) return;
  const enumChange = (tightened: boolean, check: string, rule: string, message: string): void =>
    report(walk, path, { severity: severityOf(walk.direction, tightened), check, category: 'enums', rule: `enum.${rule}`, message });
  if (!was || !now) {
    if (now) enumChange(true, 'became-enum', 'added', `values restricted to ${now.join(', ')}`);
    else enumChange(false, 'became-not-enum', 'removed', `no longer restricted to ${was?.join(', ')}`);
    return;
  }
  const removed = was.filter((value) => !now.includes(value));
  const added = now.filter((value) => !was.includes(value));
  const plural = (values: string[]): string => `enum value${values.length > 1 ? 's' : ''} ${values.join(', ')}`;
  if (removed.length > 0) enumChange(true, 'enum-value-removed', 'value-removed', `${plural(removed)} removed`);
  if (added.length > 0) enumChange(false, 'enum-value-added', 'value-added', `${plural(added)} added`);
}

/** A new default changes what the server does for clients that leave the value out. */
export function compareDefaults(before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  if (JSON.stringify(before.default) === JSON.stringify(after.default)) return;
  const what = before.default === undefined ? 'added' : after.default === undefined ? 'removed' : 'changed';
  report(walk, path, {
    severity: walk.defaultsBreak ? 'breaking' : 'non-breaking',
    check: `default-value-${what}`,
    category: 'defaults',
    rule: `default.${what}`,
    message: `default ${show(before.default)} → ${show(after.default)}`,
  });
}
