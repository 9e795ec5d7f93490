import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { displayPath } from '../spec/load-yaml.js';

export interface SourceLocation {
  file: string;
  line: number;
}

interface YamlSource {
  contents: Node | null;
  lineCounter: LineCounter;
}

/**
 * Maps a JSON path in the bundled spec back to the YAML file and line a reviewer edits. Components listed in the root
 * live in their own files; paths live in the file their path item references. Inside a file the path is followed as far
 * as it goes, and on through any $ref to another file, so the line is that of the deepest node the sources hold.
 */
export function createSourceLocator(rootFile: string): (jsonPath: readonly (string | number)[]) => SourceLocation {
  const rootPath = resolve(rootFile);
  const sources = new Map<string, YamlSource>();
  const source = (file: string): YamlSource => {
    let entry = sources.get(file);
    if (!entry) {
      const lineCounter = new LineCounter();
      entry = { contents: parseDocument(readFileSync(file, 'utf8'), { lineCounter }).contents, lineCounter };
      sources.set(file, entry);
    }
    return entry;
  };
  const fileRef = (file: string, node: Node | null): string | undefined => {
    const ref = isMap(node) ? node.get('$ref') : undefined;
    return typeof ref === 'string' && !ref.startsWith('#') ? resolve(dirname(file), ref) : undefined;
  };

  return (jsonPath) => {
    let file = rootPath;
    let rest = [...jsonPath];
    // Step into the file that holds a component or a path item, when the root only references it.
    const depth = rest[0] === 'components' ? 3 : rest[0] === 'paths' ? 2 : 0;
    if (depth > 0 && rest.length >= depth) {
      const target = fileRef(rootPath, deepest(source(rootPath).contents, rest.slice(0, depth)).node);
      if (target) {
        file = target;
        rest = rest.slice(depth);
      }
    }
    // One hop into another file per path segment at most, so a cycle of $refs cannot loop forever.
    for (let hops = 0; hops <= jsonPath.length; hops += 1) {
      const { node, anchor, consumed } = deepest(source(file).contents, rest);
      const target = consumed < rest.length ? fileRef(file, node) : undefined;
      if (!target) return { file: displayPath(file), line: source(file).lineCounter.linePos(anchor?.range?.[0] ?? 0).line };
      file = target;
      rest = rest.slice(consumed);
    }
    return { file: displayPath(file), line: 1 };
  };
}

/**
 * Follows `path` from `start` as far as the YAML goes. `anchor` is what a reviewer looks for: the key of the last
 * mapping entry followed (`lineItems:`), or the last sequence item, rather than the first line of its value.
 */
function deepest(start: Node | null, path: readonly (string | number)[]): { node: Node | null; anchor: Node | null; consumed: number } {
  let node = start;
  let anchor = start;
  let consumed = 0;
  for (const key of path) {
    let child: unknown;
    let childAnchor: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      child = pair?.value;
      childAnchor = pair?.key;
    } else if (isSeq(node)) {
      child = node.items[Number(key)];
      childAnchor = child;
    }
    if (!child || !(isMap(child) || isSeq(child) || isScalar(child))) break;
    node = child;
    anchor = isScalar(childAnchor) ? childAnchor : child;
    consumed += 1;
  }
  return { node, anchor, consumed };
}
