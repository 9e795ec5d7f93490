import type { Change, ChangeSink } from './change.js';
import { compareParameters } from './compare-parameters.js';
import { compareRequestBodies } from './compare-request-body.js';
import { compareResponses } from './compare-responses.js';
import { compareSecurityRequirements, compareSecuritySchemes } from './compare-security.js';
import { compareServers } from './compare-servers.js';
import { isObject, type Json } from './json-pointer.js';
import { compareLifecycle, type LifecycleCheck, removalOf, todayOf } from './lifecycle.js';
import { type Operation, operationsOf } from './operations.js';
import type { Documents } from './schema-walk.js';

const stabilityLevels = ['draft', 'alpha', 'beta', 'stable'];

/** oasdiff's ids for an operation's lifecycle, which do not share one prefix. */
const operationLifecycleIds: Record<LifecycleCheck, string> = {
  deprecated: 'endpoint-deprecated',
  'deprecated-with-sunset': 'endpoint-deprecated-with-sunset',
  reactivated: 'endpoint-reactivated',
  'sunset-deleted': 'sunset-deleted',
  'sunset-date-changed-too-small': 'api-sunset-date-changed-too-small',
  'sunset-parse': 'api-deprecated-sunset-parse',
};

function reportRemoved(documents: Documents, operation: Operation, today: string, emit: ChangeSink): void {
  const pathGone = !(isObject(documents.after) && isObject(documents.after.paths) && operation.path in documents.after.paths);
  const removal = removalOf(operation.operation, today);
  emit({
    severity: removal.severity,
    id: removal.check === 'sunset-parse' ? 'api-path-sunset-parse' : `api-${pathGone ? 'path-' : ''}removed-${removal.check}`,
    category: 'paths',
    rule: 'operation.removed',
    location: '(operation)',
    message: `operation ${removal.reason}`,
  });
}

/** operationId, tags, deprecation, sunset and stability of an operation that exists on both sides. */
function compareOperationFacts(was: Operation, now: Operation, emit: ChangeSink): void {
  const location = '(operation)';
  const { operationId } = was.operation;
  if (operationId !== now.operation.operationId) {
    const removed = operationId !== undefined;
    emit({
      severity: removed ? 'breaking' : 'non-breaking',
      id: `api-operation-id-${removed ? 'removed' : 'added'}`,
      category: 'paths',
      rule: 'operation.operation-id',
      location,
      // Generated clients and our own types are keyed by operationId, so renaming it breaks code that compiles today.
      message: `operationId ${String(operationId)} → ${String(now.operation.operationId)}`,
    });
  }
  const tagsOf = (operation: Operation): string[] => (Array.isArray(operation.operation.tags) ? operation.operation.tags.map(String) : []);
  for (const [check, tags, other] of [
    ['removed', tagsOf(was), tagsOf(now)],
    ['added', tagsOf(now), tagsOf(was)],
  ] as const) {
    for (const tag of tags.filter((name) => !other.includes(name))) {
      emit({
        severity: 'non-breaking',
        id: `api-tag-${check}`,
        category: 'paths',
        rule: 'operation.tag',
        location,
        message: `tag ${tag} ${check}`,
      });
    }
  }
  for (const change of compareLifecycle(was.operation, now.operation)) {
    emit({ ...change, id: operationLifecycleIds[change.check], category: 'deprecation', rule: 'operation.lifecycle', location });
  }
  const levelOf = (operation: Operation): number => stabilityLevels.indexOf(String(operation.operation['x-stability-level'] ?? 'stable'));
  const [levelBefore, levelAfter] = [levelOf(was), levelOf(now)];
  if (levelBefore !== levelAfter && levelBefore >= 0 && levelAfter >= 0) {
    const decreased = levelAfter < levelBefore;
    emit({
      severity: decreased ? 'breaking' : 'non-breaking',
      id: `api-stability-${decreased ? 'decreased' : 'increased'}`,
      category: 'deprecation',
      rule: 'operation.stability',
      location,
      message: `x-stability-level ${stabilityLevels[levelBefore]} → ${stabilityLevels[levelAfter]}`,
    });
  }
}

export interface CompareOptions {
  /** The day sunset dates are judged against; tests pin it. */
  now?: Date;
}

/** Every contract change between two bundled OpenAPI 3.0 documents, judged from the consumer's side. */
export function compareOperations(before: Json, after: Json, options: CompareOptions = {}): Change[] {
  const changes: Change[] = [];
  const documents = { before, after };
  const today = todayOf(options.now ?? new Date());
  const apiWide: ChangeSink = (change) => changes.push({ operation: 'API', ...change });
  const globalServers = (document: Json): Json | undefined => (isObject(document) ? document.servers : undefined);
  compareServers(globalServers(before), globalServers(after), apiWide);
  const globalSecurity = (document: Json): Json | undefined => (isObject(document) ? document.security : undefined);
  compareSecurityRequirements(globalSecurity(before), globalSecurity(after), 'api-global-security', 'security', apiWide);
  compareSecuritySchemes(before, after, apiWide);
  const wasOperations = operationsOf(before);
  const nowOperations = operationsOf(after);
  for (const [key, was] of wasOperations) {
    const emit: ChangeSink = (change) => changes.push({ operation: key, ...change });
    const now = nowOperations.get(key);
    if (!now) {
      reportRemoved(documents, was, today, emit);
      continue;
    }
    compareOperationFacts(was, now, emit);
    // An operation's own `security` replaces the global one; the global list is compared once above.
    if (was.operation.security !== undefined || now.operation.security !== undefined) {
      compareSecurityRequirements(
        was.operation.security ?? globalSecurity(before),
        now.operation.security ?? globalSecurity(after),
        'api-security',
        'security',
        emit,
      );
    }
    // Servers of a path or operation replace the global ones, which are compared once above.
    const ownServers = (operation: Operation): Json | undefined => operation.operation.servers ?? operation.pathItem.servers;
    if (ownServers(was) !== undefined || ownServers(now) !== undefined) {
      compareServers(ownServers(was) ?? globalServers(before), ownServers(now) ?? globalServers(after), emit);
    }
    compareParameters(documents, was, now, today, emit);
    compareRequestBodies(documents, was, now, emit);
    compareResponses(documents, was, now, emit);
  }
  for (const key of nowOperations.keys()) {
    if (!wasOperations.has(key)) {
      changes.push({
        operation: key,
        severity: 'non-breaking',
        id: 'endpoint-added',
        category: 'paths',
        rule: 'operation.added',
        location: '(operation)',
        message: 'operation added',
      });
    }
  }
  return changes;
}
