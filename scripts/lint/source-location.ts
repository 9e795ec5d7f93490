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
 * as it goes (a $ref stops it), so the line is that of the deepest node the file holds.
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

  const refAt = (file: string, path: readonly (string | number)[]): string | undefined => {
    const node = deepest(source(file).contents, path).node;
    if (!isMap(node)) return undefined;
    const ref = node.get('$ref');
    return typeof ref === 'string' && !ref.startsWith('#') ? resolve(dirname(file), ref) : undefined;
  };

  return (jsonPath) => {
    let file = rootPath;
    let rest = [...jsonPath];
    // Step into the file that holds a component or a path item, when the root only references it.
    const depth = rest[0] === 'components' ? 3 : rest[0] === 'paths' ? 2 : 0;
    if (depth > 0 && rest.length >= depth) {
      const target = refAt(rootPath, rest.slice(0, depth));
      if (target) {
        file = target;
        rest = rest.slice(depth);
      }
    }
    const { contents, lineCounter } = source(file);
    const { node } = deepest(contents, rest);
    return { file: displayPath(file), line: lineCounter.linePos(node?.range?.[0] ?? 0).line };
  };
}

function deepest(start: Node | null, path: readonly (string | number)[]): { node: Node | null } {
  let node = start;
  for (const key of path) {
    const child: unknown = isMap(node) || isSeq(node) ? node.get(isSeq(node) ? Number(key) : key, true) : undefined;
    if (!child || !(isMap(child) || isSeq(child) || isScalar(child))) break;
    node = child;
  }
  return { node };
}
