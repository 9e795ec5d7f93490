import type { ChangeSink } from './change.js';
import { compareContent } from './compare-content.js';
import { compareSchemas } from './compare-schemas.js';
import { isObject, type Json, type JsonObject } from './json-pointer.js';
import { type Operation, objectAt } from './operations.js';
import type { Documents } from './schema-walk.js';

const headerScope = { root: 'response-header', nested: 'response-header-property' };
const isSuccess = (status: string): boolean => /^2/.test(status);

export function compareResponses(documents: Documents, before: Operation, after: Operation, emit: ChangeSink): void {
  const was = isObject(before.operation.responses) ? before.operation.responses : {};
  const now = isObject(after.operation.responses) ? after.operation.responses : {};
  for (const [status, response] of Object.entries(was)) {
    const location = `response ${status}`;
    const success = isSuccess(status);
    if (!(status in now)) {
      emit({
        severity: success ? 'breaking' : 'non-breaking',
        id: `response-${success ? '' : 'non-'}success-status-removed`,
        category: 'response-status',
        rule: `response.status.removed${success ? '-success' : ''}`,
        location,
        message: success ? 'success response removed' : 'error response no longer documented',
      });
      continue;
    }
    const wasResponse = objectAt(documents.before, response);
    const nowResponse = objectAt(documents.after, now[status]);
    compareContent(documents, wasResponse, nowResponse, location, 'response', emit);
    compareResponseHeaders(documents, wasResponse, nowResponse, location, emit);
  }
  for (const status of Object.keys(now)) {
    if (status in was) continue;
    emit({
      severity: 'non-breaking',
      id: `response-${isSuccess(status) ? '' : 'non-'}success-status-added`,
      category: 'response-status',
      rule: 'response.status.added',
      location: `response ${status}`,
      message: 'response added',
    });
  }
}

/**
 * A header a client reads may disappear (removed, or no longer required) only under a major version;
 * oasdiff only warns when an optional header goes, we treat it like an optional response field removed.
 */
function compareResponseHeaders(documents: Documents, was: JsonObject, now: JsonObject, where: string, emit: ChangeSink): void {
  const byLowerName = (document: Json, headers: Json | undefined): Map<string, JsonObject> =>
    new Map(Object.entries(isObject(headers) ? headers : {}).map(([name, header]) => [name.toLowerCase(), objectAt(document, header)]));
  const wasHeaders = byLowerName(documents.before, was.headers);
  const nowHeaders = byLowerName(documents.after, now.headers);
  for (const [name, header] of wasHeaders) {
    const location = `${where} header ${name}`;
    const next = nowHeaders.get(name);
    const wasRequired = header.required === true;
    if (next === undefined) {
      emit({
        severity: 'breaking',
        id: `${wasRequired ? 'required' : 'optional'}-response-header-removed`,
        category: 'response-headers',
        rule: 'response.header.removed',
        location,
        message: 'response header removed',
      });
      continue;
    }
    if (wasRequired !== (next.required === true)) {
      emit({
        severity: wasRequired ? 'breaking' : 'non-breaking',
        id: `response-header-became-${wasRequired ? 'optional' : 'required'}`,
        category: 'response-headers',
        rule: `response.header.${wasRequired ? 'no-longer-required' : 'newly-required'}`,
        location,
        message: wasRequired ? 'header may now be absent' : 'header is now always sent',
      });
    }
    compareSchemas(
      { document: documents.before, node: header.schema },
      { document: documents.after, node: next.schema },
      { direction: 'response', scope: headerScope },
      (change) => emit({ ...change, location: `${location} ${change.location}`.replace(/ \(body\)$/, '') }),
    );
  }
  for (const name of nowHeaders.keys()) {
    if (wasHeaders.has(name)) continue;
    emit({
      severity: 'non-breaking',
      id: 'response-header-added',
      category: 'response-headers',
      rule: 'response.header.added',
      location: `${where} header ${name}`,
      message: 'response header added',
    });
  }
}
