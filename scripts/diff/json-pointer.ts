import { isObject, valueAtPointer, type Json } from '../spec/json.js';

export { isObject, type Json, type JsonObject } from '../spec/json.js';

/**
 * Follows local `$ref`s (`#/components/...`) until it reaches a real node; `ref` is the last pointer
 * followed, which identifies a named schema so recursive schemas can be compared without looping.
 */
export function resolveRef(document: Json, node: Json | undefined): { node: Json | undefined; ref?: string } {
  let current = node;
  let ref: string | undefined;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs can be compared, got "${ref}"; compare bundled specs.`);
    if (seen.has(ref)) throw new Error(`$ref cycle without a schema in between at "${ref}".`);
    seen.add(ref);
    current = valueAtPointer(document, ref);
  }
  return ref === undefined ? { node: current } : { node: current, ref };
}
