import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Json } from './json.js';
import { SpecSourceError } from './source-error.js';

/** A JSON value read from YAML, with a way to find the source line of any `$ref` inside it. */
export interface LoadedYaml {
  file: string;
  value: Json;
  /** Source position of the `$ref` whose target string is the given object's `$ref`, keyed by that object. */
  refPositions: WeakMap<object, { line: number; column: number }>;
}

export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}

/** Reads one YAML file into plain JSON, failing with file:line:column on syntax errors or YAML-only features. */
export function loadYaml(file: string): LoadedYaml {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SpecSourceError(displayPath(file), 1, 1, 'file cannot be read (does it exist?)');
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    throw new SpecSourceError(displayPath(file), line, col, `invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const refPositions = new WeakMap<object, { line: number; column: number }>();
  const position = (node: Node): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    return { line, column: col };
  };

  const toJson = (node: unknown): Json => {
    if (node === null || node === undefined) return null;
    if (isScalar(node)) {
      const scalar = node.value;
      if (scalar === null || typeof scalar === 'string' || typeof scalar === 'number' || typeof scalar === 'boolean') {
        return scalar;
      }
      const { line, column } = position(node);
      throw new SpecSourceError(displayPath(file), line, column, `value of type ${typeof scalar} has no JSON form; quote it`);
    }
    if (isSeq(node)) return node.items.map(toJson);
    if (isMap(node)) {
      const object: { [key: string]: Json } = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        object[key] = toJson(pair.value);
        if (key === '$ref' && isScalar(pair.value)) refPositions.set(object, position(pair.value));
      }
      return object;
    }
    const where = position(node as Node);
    throw new SpecSourceError(displayPath(file), where.line, where.column, 'aliases and tags are not allowed in the spec');
  };

  return { file, value: toJson(document.contents), refPositions };
}
