import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isObject, type JsonObject } from './json-object.js';

/*
 * What the verifier needs of the contract, read from the bundled spec the package ships (generated/openapi.json):
 * the operations with their path templates, declared statuses and the named examples of each status (the
 * scenarios coverage counts).
 */

export interface ContractOperation {
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  /** Matches a concrete path and captures the path parameters by name. */
  readonly pathPattern: RegExp;
  readonly parameterNames: readonly string[];
  /** Declared statuses, as the spec writes them (`200`, `4XX`, `default`). */
  readonly statuses: readonly string[];
  /** Named examples of each declared status: the scenarios. */
  readonly scenarios: ReadonlyMap<string, readonly string[]>;
}

function resolve(spec: JsonObject, node: unknown): JsonObject {
  let current = node;
  for (let depth = 0; depth < 10 && isObject(current) && typeof current.$ref === 'string'; depth += 1) {
    let target: unknown = spec;
    for (const part of current.$ref.replace(/^#\//, '').split('/'))
      target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    current = target;
  }
  return isObject(current) ? current : {};
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pathPatternOf(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  let source = '';
  for (const part of template.split(/(\{[^}]+\})/)) {
    if (/^\{[^}]+\}$/.test(part)) {
      names.push(part.slice(1, -1));
      source += '([^/]+)';
    } else source += escapeRegExp(part);
  }
  // A trailing slash is the same resource to the service.
  return { pattern: new RegExp(`^${source}/?$`), names };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function scenariosOf(spec: JsonObject, responses: JsonObject): Map<string, string[]> {
  const scenarios = new Map<string, string[]>();
  for (const [status, response] of Object.entries(responses)) {
    const content = resolve(spec, response).content;
    const names = new Set<string>();
    if (isObject(content))
      for (const media of Object.values(content))
        if (isObject(media) && isObject(media.examples)) for (const name of Object.keys(media.examples)) names.add(name);
    scenarios.set(status, [...names]);
  }
  return scenarios;
}

/** The operations of an OpenAPI 3 document. */
export function contractOperations(spec: JsonObject): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [template, item] of Object.entries(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(item)) continue;
    const { pattern, names } = pathPatternOf(template);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const responses = isObject(operation.responses) ? operation.responses : {};
      operations.push({
        operationId: typeof operation.operationId === 'string' ? operation.operationId : `${method} ${template}`,
        method: method.toUpperCase(),
        pathTemplate: template,
        pathPattern: pattern,
        parameterNames: names,
        statuses: Object.keys(responses),
        scenarios: scenariosOf(spec, responses),
      });
    }
  }
  return operations;
}

/** The operations of the spec this package ships. */
export function packagedContract(): ContractOperation[] {
  const specPath = createRequire(import.meta.url).resolve('partner-center-cart-contract/openapi.json');
  return contractOperations(JSON.parse(readFileSync(specPath, 'utf8')) as JsonObject);
}

/** The declared status a concrete one falls under: itself, its `4XX` range, or `default`; undefined if none. */
export function declaredStatus(operation: ContractOperation, status: number): string | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    operation.statuses.find((declared) => declared === exact) ??
    operation.statuses.find((declared) => declared.toUpperCase() === range) ??
    operation.statuses.find((declared) => declared === 'default')
  );
}

/** The operation a request is for, with its path parameters; undefined when the contract has none. */
export function matchOperation(
  operations: readonly ContractOperation[],
  method: string,
  path: string,
): { operation: ContractOperation; parameters: Map<string, string> } | { operation: undefined; pathKnown: boolean } {
  let pathKnown = false;
  for (const operation of operations) {
    const match = operation.pathPattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (operation.method !== method) continue;
    const parameters = new Map<string, string>();
    operation.parameterNames.forEach((name, position) => {
      const raw = match[position + 1] ?? '';
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        // A malformed escape stays as it came; the parameter check reports it.
      }
      parameters.set(name, value);
    });
    return { operation, parameters };
  }
  return { operation: undefined, pathKnown };
}
