import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isObject, type Json, type JsonObject } from './json.js';
import { displayPath, loadYaml, type LoadedYaml } from './load-yaml.js';
import { SpecSourceError } from './source-error.js';

/**
 * Bundles the split spec into one document. A file that the root lists under `components` becomes that component
 * and every `$ref` to it becomes `#/components/<section>/<name>`; any other referenced file is inlined. That keeps the
 * bundle's component names the ones reviewers see in `openapi/openapi.yaml`.
 */
export function bundleSpec(rootFile: string): JsonObject {
  const rootPath = resolve(rootFile);
  const loaded = new Map<string, LoadedYaml>();
  const load = (file: string): LoadedYaml => {
    let entry = loaded.get(file);
    if (!entry) {
      entry = loadYaml(file);
      loaded.set(file, entry);
    }
    return entry;
  };

  const root = load(rootPath);
  if (!isObject(root.value)) throw new SpecSourceError(displayPath(rootPath), 1, 1, 'the root document must be a mapping');

  const componentOfFile = new Map<string, string>();
  const components = root.value.components;
  if (isObject(components)) {
    for (const [section, entries] of Object.entries(components)) {
      if (!isObject(entries)) continue;
      for (const [name, entry] of Object.entries(entries)) {
        const ref = isObject(entry) ? entry.$ref : undefined;
        if (typeof ref === 'string' && !ref.startsWith('#')) {
          componentOfFile.set(resolve(dirname(rootPath), ref), `#/components/${section}/${name}`);
        }
      }
    }
  }

  const resolveRef = (holder: JsonObject, ref: string, from: LoadedYaml, inlining: string[]): Json => {
    const where = from.refPositions.get(holder) ?? { line: 1, column: 1 };
    const fail = (problem: string): never => {
      throw new SpecSourceError(displayPath(from.file), where.line, where.column, problem);
    };
    if (ref.startsWith('#')) {
      if (from.file !== rootPath) fail(`$ref "${ref}" points inside its own file; reference the component's file instead`);
      return holder;
    }
    if (ref.includes('#')) fail(`$ref "${ref}" has a fragment; reference a whole file`);
    const target = resolve(dirname(from.file), ref);
    if (!existsSync(target)) fail(`$ref "${ref}" points to ${displayPath(target)}, which does not exist`);
    const component = componentOfFile.get(target);
    if (component) return { $ref: component };
    if (inlining.includes(target)) fail(`$ref "${ref}" makes a cycle of inlined files; list one of them under components`);
    const file = load(target);
    return walk(file.value, file, [...inlining, target]);
  };

  const walk = (value: Json, from: LoadedYaml, inlining: string[]): Json => {
    if (Array.isArray(value)) return value.map((item) => walk(item, from, inlining));
    if (!isObject(value)) return value;
    if (typeof value.$ref === 'string') return resolveRef(value, value.$ref, from, inlining);
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) out[key] = walk(child, from, inlining);
    return out;
  };

  const bundled: JsonObject = {};
  for (const [key, value] of Object.entries(root.value)) {
    if (key !== 'components' || !isObject(value)) {
      bundled[key] = walk(value, root, []);
      continue;
    }
    const sections: JsonObject = {};
    for (const [section, entries] of Object.entries(value)) {
      if (!isObject(entries)) continue;
      const resolved: JsonObject = {};
      for (const [name, entry] of Object.entries(entries)) {
        const ref = isObject(entry) ? entry.$ref : undefined;
        if (typeof ref === 'string' && !ref.startsWith('#') && isObject(entry)) {
          // The component's own entry: inline its file (a $ref to it would point at itself).
          resolveRef(entry, ref, root, []);
          const file = load(resolve(dirname(rootPath), ref));
          resolved[name] = walk(file.value, file, [file.file]);
        } else {
          resolved[name] = walk(entry, root, []);
        }
      }
      sections[section] = resolved;
    }
    bundled[key] = sections;
  }
  return bundled;
}
