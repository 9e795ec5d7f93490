export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
    current = ref
      .slice(2)
      .split('/')
      .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Json | undefined>((at, key) => (isObject(at) ? at[key] : Array.isArray(at) ? at[Number(key)] : undefined), document);
  }
  return ref === undefined ? { node: current } : { node: current, ref };
}
