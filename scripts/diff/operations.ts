import { isObject, resolveRef, type Json, type JsonObject } from './json-pointer.js';

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface Operation {
  /** `PUT /v1/carts/{cart-id}` */
  key: string;
  path: string;
  pathItem: JsonObject;
  operation: JsonObject;
}

export function operationsOf(document: Json): Map<string, Operation> {
  const found = new Map<string, Operation>();
  const paths = isObject(document) && isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = resolveRef(document, item).node;
    if (!isObject(pathItem)) continue;
    for (const method of methods) {
      const operation = pathItem[method];
      const key = `${method.toUpperCase()} ${path}`;
      if (isObject(operation)) found.set(key, { key, path, pathItem, operation });
    }
  }
  return found;
}

/** Path-level parameters apply unless the operation redeclares the same `in` + `name`; header names ignore case. */
export function parametersOf(document: Json, { pathItem, operation }: Operation): Map<string, JsonObject> {
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

/** The object a node or its `$ref` points at, or an empty one. */
export function objectAt(document: Json, node: Json | undefined): JsonObject {
  const resolved = resolveRef(document, node).node;
  return isObject(resolved) ? resolved : {};
}
