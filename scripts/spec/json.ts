/** JSON values and JSON Pointers (RFC 6901), shared by the bundler, the generators, the lint gate and the differ. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The decoded segments of a pointer: `/a~1b/c` → `['a/b', 'c']`. In the URI-fragment form (`#/...`, as in `$ref`s)
 * each segment is percent-decoded first, as RFC 6901 section 6 says.
 */
export function pointerSegments(pointer: string): string[] {
  const fragment = pointer.startsWith('#');
  return pointer
    .slice(fragment ? 1 : 0)
    .split('/')
    .slice(1)
    .map((segment) => (fragment ? decodeURIComponent(segment) : segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer naming `segments`, each encoded: `['a/b', 'c']` → `#/a~1b/c`. */
export function pointerTo(segments: readonly (string | number)[]): string {
  return `#/${segments.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** The node `pointer` names in `document`, or undefined when there is none. */
export function valueAtPointer(document: Json, pointer: string): Json | undefined {
  return pointerSegments(pointer).reduce<Json | undefined>(
    (node, key) => (isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined),
    document,
  );
}
