import { severityOf } from './change.js';
import { isObject, type Json, type JsonObject } from './json-pointer.js';
import { report, show, type SchemaSide, type Walk } from './schema-walk.js';

type CompareNodes = (before: SchemaSide, after: SchemaSide, path: string, walk: Walk) => void;

/** oasdiff tells members apart by their `$ref` or title; an inline member without either goes by position. */
function membersOf(branches: Json[]): Map<string, Json> {
  return new Map(
    branches.map((branch, index) => {
      if (isObject(branch) && typeof branch.$ref === 'string') return [branch.$ref.split('/').pop() ?? branch.$ref, branch];
      if (isObject(branch) && typeof branch.title === 'string') return [branch.title, branch];
      return [`#${index}`, branch];
    }),
  );
}

/** A oneOf/anyOf member added lets the value be one more shape (loosened); one removed allows one fewer. */
export function compareMembers(
  before: SchemaSide & { schema: JsonObject },
  after: SchemaSide & { schema: JsonObject },
  path: string,
  walk: Walk,
  compareNodes: CompareNodes,
): void {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const wasBranches = before.schema[keyword];
    const nowBranches = after.schema[keyword];
    if (!Array.isArray(wasBranches) || !Array.isArray(nowBranches)) continue;
    const was = membersOf(wasBranches);
    const now = membersOf(nowBranches);
    const name = keyword === 'oneOf' ? 'one-of' : 'any-of';
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      const branch = was.get(key);
      const next = now.get(key);
      if (branch !== undefined && next !== undefined) {
        compareNodes({ ...before, node: branch }, { ...after, node: next }, `${path}<${keyword} ${key}>`, walk);
        continue;
      }
      const change = next === undefined ? 'removed' : 'added';
      report(walk, path, {
        severity: severityOf(walk.direction, change === 'removed'),
        check: `${name}-${change}`,
        category: 'composition',
        rule: `composition.member-${change}`,
        message: `${keyword} member ${key} ${change}`,
      });
    }
  }
}

const mappingOf = (discriminator: JsonObject): JsonObject => (isObject(discriminator.mapping) ? discriminator.mapping : {});

/**
 * The discriminator tells both ends which member a value is: renaming its property breaks every reader, a
 * value dropped from the mapping breaks clients that send it, a value added breaks clients that receive it.
 */
export function compareDiscriminators(before: JsonObject, after: JsonObject, path: string, walk: Walk): void {
  const was = isObject(before.discriminator) ? before.discriminator : undefined;
  const now = isObject(after.discriminator) ? after.discriminator : undefined;
  const discriminatorChange = (severity: 'breaking' | 'non-breaking', check: string, message: string): void =>
    report(walk, path, { severity, check: `discriminator-${check}`, category: 'composition', rule: 'composition.discriminator', message });
  if (!was || !now) {
    if (was || now) discriminatorChange('non-breaking', was ? 'removed' : 'added', `discriminator ${was ? 'removed' : 'added'}`);
    return;
  }
  if (was.propertyName !== now.propertyName) {
    discriminatorChange(
      'breaking',
      'property-name-changed',
      `discriminator property ${show(was.propertyName)} → ${show(now.propertyName)}`,
    );
  }
  const wasMapping = mappingOf(was);
  const nowMapping = mappingOf(now);
  for (const [value, target] of Object.entries(wasMapping)) {
    if (!(value in nowMapping)) {
      discriminatorChange(severityOf(walk.direction, true), 'mapping-deleted', `discriminator value ${value} no longer mapped`);
    } else if (nowMapping[value] !== target) {
      discriminatorChange(
        'breaking',
        'mapping-changed',
        `discriminator value ${value} maps to ${show(nowMapping[value])} instead of ${show(target)}`,
      );
    }
  }
  for (const value of Object.keys(nowMapping)) {
    if (!(value in wasMapping)) {
      discriminatorChange(severityOf(walk.direction, false), 'mapping-added', `discriminator value ${value} added`);
    }
  }
}
