import { pointerSegments } from '../../scripts/spec/json.js';

/** The subset of RFC 6902 JSON Patch the lint fixtures need: add, replace, remove, move. */
export type PatchOperation =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move'; from: string; path: string };

type Container = Record<string, unknown> | unknown[];

function parentOf(document: unknown, pointer: string): { parent: Container; key: string } {
  const keys = pointerSegments(pointer);
  const key = keys.pop();
  let node = document;
  for (const segment of keys) {
    if (typeof node !== 'object' || node === null) throw new Error(`patch path ${pointer} does not exist at ${segment}`);
    node = (node as Record<string, unknown>)[segment];
  }
  if (key === undefined || typeof node !== 'object' || node === null) throw new Error(`patch path ${pointer} does not exist`);
  return { parent: node as Container, key };
}

function take(document: unknown, pointer: string): unknown {
  const { parent, key } = parentOf(document, pointer);
  if (Array.isArray(parent)) return parent.splice(Number(key), 1)[0];
  if (!(key in parent)) throw new Error(`patch path ${pointer} does not exist`);
  const value = parent[key];
  delete parent[key];
  return value;
}

function put(document: unknown, pointer: string, value: unknown, insert: boolean): void {
  const { parent, key } = parentOf(document, pointer);
  if (Array.isArray(parent)) {
    if (insert) parent.splice(key === '-' ? parent.length : Number(key), 0, value);
    else parent[Number(key)] = value;
  } else {
    if (!insert && !(key in parent)) throw new Error(`patch path ${pointer} does not exist`);
    parent[key] = value;
  }
}

/** Applies operations in place; a path that does not exist fails loudly, so a stale fixture cannot pass silently. */
export function applyPatch(document: unknown, operations: readonly PatchOperation[]): void {
  for (const operation of operations) {
    if (operation.op === 'remove') take(document, operation.path);
    else if (operation.op === 'move') put(document, operation.path, take(document, operation.from), true);
    else put(document, operation.path, operation.value, operation.op === 'add');
  }
}
