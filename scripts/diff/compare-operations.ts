import type { Change, ChangeSink, Direction } from './change.js';
import { compareSchemas } from './compare-schemas.js';
import { isObject, resolveRef, type Json, type JsonObject } from './json-pointer.js';

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

interface Operation {
  key: string;
  pathItem: JsonObject;
  operation: JsonObject;
}

function operationsOf(document: Json): Map<string, Operation> {
  const found = new Map<string, Operation>();
  const paths = isObject(document) && isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = resolveRef(document, item).node;
    if (!isObject(pathItem)) continue;
    for (const method of methods) {
      const operation = pathItem[method];
      if (isObject(operation))
        found.set(`${method.toUpperCase()} ${path}`, { key: `${method.toUpperCase()} ${path}`, pathItem, operation });
    }
  }
  return found;
}

/** Path-level parameters apply unless the operation redeclares the same `in` + `name`; header names ignore case. */
function parametersOf(document: Json, { pathItem, operation }: Operation): Map<string, JsonObject> {
  const parameters = new Map<string, JsonObject>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = resolveRef(document, entry).node;
      if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') continue;
      const name = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
      parameters.set(`${parameter.in} parameter ${name}`, parameter);
    }
  }
  return parameters;
}

const objectAt = (document: Json, node: Json | undefined): JsonObject => {
  const resolved = resolveRef(document, node).node;
  return isObject(resolved) ? resolved : {};
};

interface Documents {
  before: Json;
  after: Json;
}

function compareParameters(documents: Documents, before: Operation, after: Operation, emit: ChangeSink): void {
  const was = parametersOf(documents.before, before);
  const now = parametersOf(documents.after, after);
  for (const [key, parameter] of was) {
    const next = now.get(key);
    if (!next) {
      emit({ severity: 'breaking', rule: 'request.parameter.removed', location: key, message: 'parameter removed' });
      continue;
    }
    const wasRequired = parameter.required === true;
    const nowRequired = next.required === true;
    if (!wasRequired && nowRequired) {
      emit({ severity: 'breaking', rule: 'request.parameter.newly-required', location: key, message: 'parameter is now required' });
    } else if (wasRequired && !nowRequired) {
      emit({ severity: 'non-breaking', rule: 'request.parameter.no-longer-required', location: key, message: 'parameter is now optional' });
    }
    compareSchemas(
      { document: documents.before, node: parameter.schema },
      { document: documents.after, node: next.schema },
      'request',
      (change) => emit({ ...change, location: `${key} ${change.location}`.replace(/ \(body\)$/, '') }),
    );
  }
  for (const [key, parameter] of now) {
    if (was.has(key)) continue;
    const required = parameter.required === true;
    emit({
      severity: required ? 'breaking' : 'non-breaking',
      rule: `request.parameter.added${required ? '-required' : ''}`,
      location: key,
      message: `${required ? 'required' : 'optional'} parameter added`,
    });
  }
}

/** Compares the media types of a request body or response; `where` names the place for the report. */
function compareContent(
  documents: Documents,
  was: JsonObject,
  now: JsonObject,
  where: string,
  direction: Direction,
  emit: ChangeSink,
): void {
  const wasContent = isObject(was.content) ? was.content : {};
  const nowContent = isObject(now.content) ? now.content : {};
  for (const [mediaType, media] of Object.entries(wasContent)) {
    const next = nowContent[mediaType];
    if (!isObject(next)) {
      emit({
        severity: 'breaking',
        rule: `${direction}.media-type.removed`,
        location: `${where} (${mediaType})`,
        message: 'media type removed',
      });
      continue;
    }
    compareSchemas(
      { document: documents.before, node: isObject(media) ? media.schema : undefined },
      { document: documents.after, node: next.schema },
      direction,
      (change) => emit({ ...change, location: `${where} (${mediaType}) ${change.location}` }),
    );
  }
  for (const mediaType of Object.keys(nowContent)) {
    if (!(mediaType in wasContent)) {
      emit({
        severity: 'non-breaking',
        rule: `${direction}.media-type.added`,
        location: `${where} (${mediaType})`,
        message: 'media type added',
      });
    }
  }
}

function compareRequestBodies(documents: Documents, before: Operation, after: Operation, emit: ChangeSink): void {
  const hadBody = before.operation.requestBody !== undefined;
  const hasBody = after.operation.requestBody !== undefined;
  const was = objectAt(documents.before, before.operation.requestBody);
  const now = objectAt(documents.after, after.operation.requestBody);
  if (hadBody && !hasBody) {
    emit({ severity: 'breaking', rule: 'request.body.removed', location: 'request body', message: 'request body removed' });
    return;
  }
  if (!hadBody && hasBody) {
    const required = now.required === true;
    emit({
      severity: required ? 'breaking' : 'non-breaking',
      rule: `request.body.added${required ? '-required' : ''}`,
      location: 'request body',
      message: `${required ? 'required' : 'optional'} request body added`,
    });
    return;
  }
  if (!hadBody) return;
  if (was.required !== true && now.required === true) {
    emit({ severity: 'breaking', rule: 'request.body.newly-required', location: 'request body', message: 'request body is now required' });
  }
  compareContent(documents, was, now, 'request body', 'request', emit);
}

function compareResponses(documents: Documents, before: Operation, after: Operation, emit: ChangeSink): void {
  const was = isObject(before.operation.responses) ? before.operation.responses : {};
  const now = isObject(after.operation.responses) ? after.operation.responses : {};
  for (const [status, response] of Object.entries(was)) {
    const location = `response ${status}`;
    if (!(status in now)) {
      const success = /^2/.test(status);
      emit({
        severity: success ? 'breaking' : 'non-breaking',
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
    if (!(status in was)) {
      emit({ severity: 'non-breaking', rule: 'response.status.added', location: `response ${status}`, message: 'response added' });
    }
  }
}

function compareResponseHeaders(documents: Documents, was: JsonObject, now: JsonObject, where: string, emit: ChangeSink): void {
  const lower = (headers: Json | undefined): Map<string, Json> =>
    new Map(Object.entries(isObject(headers) ? headers : {}).map(([name, header]) => [name.toLowerCase(), header]));
  const wasHeaders = lower(was.headers);
  const nowHeaders = lower(now.headers);
  for (const [name, header] of wasHeaders) {
    const location = `${where} header ${name}`;
    const next = nowHeaders.get(name);
    if (next === undefined) {
      emit({ severity: 'breaking', rule: 'response.header.removed', location, message: 'response header removed' });
      continue;
    }
    compareSchemas(
      { document: documents.before, node: objectAt(documents.before, header).schema },
      { document: documents.after, node: objectAt(documents.after, next).schema },
      'response',
      (change) => emit({ ...change, location: `${location} ${change.location}`.replace(/ \(body\)$/, '') }),
    );
  }
  for (const name of nowHeaders.keys()) {
    if (!wasHeaders.has(name)) {
      emit({
        severity: 'non-breaking',
        rule: 'response.header.added',
        location: `${where} header ${name}`,
        message: 'response header added',
      });
    }
  }
}

function securityOf(document: Json, { operation }: Operation): string {
  const security = operation.security ?? (isObject(document) ? document.security : undefined) ?? [];
  return JSON.stringify(security);
}

/** Every contract change between two bundled OpenAPI 3.0 documents, judged from the consumer's side. */
export function compareOperations(before: Json, after: Json): Change[] {
  const changes: Change[] = [];
  const documents = { before, after };
  const wasOperations = operationsOf(before);
  const nowOperations = operationsOf(after);
  for (const [key, was] of wasOperations) {
    const emit: ChangeSink = (change) => changes.push({ operation: key, ...change });
    const now = nowOperations.get(key);
    if (!now) {
      emit({ severity: 'breaking', rule: 'operation.removed', location: '(operation)', message: 'operation removed' });
      continue;
    }
    if (securityOf(before, was) !== securityOf(after, now)) {
      emit({
        severity: 'breaking',
        rule: 'request.security.changed',
        location: 'security',
        message: `security requirements changed from ${securityOf(before, was)} to ${securityOf(after, now)}`,
      });
    }
    compareParameters(documents, was, now, emit);
    compareRequestBodies(documents, was, now, emit);
    compareResponses(documents, was, now, emit);
  }
  for (const key of nowOperations.keys()) {
    if (!wasOperations.has(key)) {
      changes.push({
        operation: key,
        severity: 'non-breaking',
        rule: 'operation.added',
        location: '(operation)',
        message: 'operation added',
      });
    }
  }
  return changes;
}
