import type { ChangeSink } from './change.js';
import { isObject, type Json, type JsonObject } from './json-pointer.js';

/** One alternative of a `security` list: every scheme in it is needed together, with these scopes. */
type Requirement = Map<string, Set<string>>;

/** Keyed by its sorted scheme names; `''` is the empty requirement `{}`, which lets anonymous callers in. */
function requirementsOf(security: Json | undefined): Map<string, Requirement> {
  const found = new Map<string, Requirement>();
  for (const entry of Array.isArray(security) ? security : []) {
    if (!isObject(entry)) continue;
    const requirement: Requirement = new Map(
      Object.entries(entry).map(([scheme, scopes]) => [
        scheme,
        new Set(Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : []),
      ]),
    );
    found.set([...requirement.keys()].sort().join(' + '), requirement);
  }
  return found;
}

const admitsAnonymous = (requirements: Map<string, Requirement>): boolean => requirements.size === 0 || requirements.has('');

/**
 * A `security` list is a choice between alternatives. Dropping the alternative a client uses, or adding a scope
 * its token lacks, locks it out; a new alternative or a scope dropped does not, unless the operation was open to
 * anonymous callers before. oasdiff reports all of these as information only.
 */
export function compareSecurityRequirements(
  was: Json | undefined,
  now: Json | undefined,
  idPrefix: 'api-security' | 'api-global-security',
  location: string,
  emit: ChangeSink,
): void {
  const before = requirementsOf(was);
  const after = requirementsOf(now);
  const openBefore = admitsAnonymous(before);
  const openNow = admitsAnonymous(after);
  const securityChange = (breaking: boolean, check: string, message: string): void =>
    emit({
      severity: breaking ? 'breaking' : 'non-breaking',
      id: `${idPrefix}-${check}`,
      category: 'security',
      rule: `security.${check}`,
      location,
      message,
    });
  for (const [key, requirement] of before) {
    const next = after.get(key);
    if (next === undefined) {
      securityChange(!openNow, 'removed', `security requirement ${key || '{}'} removed`);
      continue;
    }
    for (const [scheme, scopes] of requirement) {
      const nextScopes = next.get(scheme) ?? new Set<string>();
      const added = [...nextScopes].filter((scope) => !scopes.has(scope));
      const removed = [...scopes].filter((scope) => !nextScopes.has(scope));
      if (added.length > 0) securityChange(!openNow, 'scope-added', `${scheme} now needs scope ${added.join(', ')}`);
      if (removed.length > 0) securityChange(false, 'scope-removed', `${scheme} no longer needs scope ${removed.join(', ')}`);
    }
  }
  for (const key of after.keys()) {
    if (!before.has(key)) securityChange(openBefore && !openNow, 'added', `security requirement ${key || '{}'} added`);
  }
}

const schemesOf = (document: Json): JsonObject => {
  const components = isObject(document) ? document.components : undefined;
  return isObject(components) && isObject(components.securitySchemes) ? components.securitySchemes : {};
};

/** What a client must do to authenticate with a scheme; a change here makes its token useless. */
const mechanismOf = (scheme: JsonObject): string =>
  JSON.stringify([scheme.type, typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : undefined, scheme.in, scheme.name]);

function compareFlows(name: string, was: JsonObject, now: JsonObject, emit: ChangeSink): void {
  const flowsBefore = isObject(was.flows) ? was.flows : {};
  const flowsAfter = isObject(now.flows) ? now.flows : {};
  const location = `security scheme ${name}`;
  const componentChange = (breaking: boolean, check: string, message: string): void =>
    emit({
      severity: breaking ? 'breaking' : 'non-breaking',
      id: `api-security-component-${check}`,
      category: 'security',
      rule: `security.component.${check}`,
      location,
      message,
    });
  for (const [flowName, flow] of Object.entries(flowsBefore)) {
    const next = flowsAfter[flowName];
    if (!isObject(flow) || !isObject(next)) continue;
    for (const [field, check] of [
      ['tokenUrl', 'oauth-token-url-changed'],
      ['authorizationUrl', 'oauth-url-changed'],
    ] as const) {
      if (flow[field] !== next[field]) componentChange(true, check, `${flowName} ${field} ${String(flow[field])} → ${String(next[field])}`);
    }
    const scopesBefore = isObject(flow.scopes) ? flow.scopes : {};
    const scopesAfter = isObject(next.scopes) ? next.scopes : {};
    for (const scope of Object.keys(scopesBefore)) {
      if (!(scope in scopesAfter))
        componentChange(true, 'oauth-scope-removed', `${flowName} scope ${scope} removed: tokens can no longer be asked for it`);
      else if (scopesBefore[scope] !== scopesAfter[scope])
        componentChange(false, 'oauth-scope-changed', `${flowName} scope ${scope} description changed`);
    }
    for (const scope of Object.keys(scopesAfter)) {
      if (!(scope in scopesBefore)) componentChange(false, 'oauth-scope-added', `${flowName} scope ${scope} added`);
    }
  }
}

/** The security schemes under `components`; an operation's requirements say whether a removed scheme mattered. */
export function compareSecuritySchemes(before: Json, after: Json, emit: ChangeSink): void {
  const was = schemesOf(before);
  const now = schemesOf(after);
  for (const [name, scheme] of Object.entries(was)) {
    const location = `security scheme ${name}`;
    const next = now[name];
    if (!isObject(next) || !isObject(scheme)) {
      emit({
        severity: 'non-breaking',
        id: 'api-security-component-removed',
        category: 'security',
        rule: 'security.component.removed',
        location,
        message: 'security scheme removed',
      });
      continue;
    }
    if (mechanismOf(scheme) !== mechanismOf(next)) {
      emit({
        severity: 'breaking',
        id: 'api-security-component-type-changed',
        category: 'security',
        rule: 'security.component.type-changed',
        location,
        message: `authentication changed from ${mechanismOf(scheme)} to ${mechanismOf(next)}`,
      });
      continue;
    }
    compareFlows(name, scheme, next, emit);
  }
  for (const name of Object.keys(now)) {
    if (!(name in was)) {
      emit({
        severity: 'non-breaking',
        id: 'api-security-component-added',
        category: 'security',
        rule: 'security.component.added',
        location: `security scheme ${name}`,
        message: 'security scheme added',
      });
    }
  }
}
