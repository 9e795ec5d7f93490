/**
 * How deeply a body may nest objects and arrays. A real cart needs about a dozen levels (cart, lineItems,
 * a line, its addonItems, provisioningContext...), plus two per level of add-on chain; 64 leaves room for
 * unknown extensions. Without a bound, a body nested 100 000 deep would be stored and then make the cart
 * unreadable, because serialising and cloning it recurse and overflow the stack. The fake refuses such a
 * request body, and the client such an answer (checking, cloning or quoting it would overflow the stack too).
 */
export const MAX_JSON_DEPTH = 64;

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | undefined;
  step: string;
}

/**
 * Returns the path of the first object or array nested deeper than `maxDepth` levels in a parsed JSON value
 * (e.g. `lineItems[0].x.x`), or undefined. Walks with an explicit stack, so the check itself cannot overflow
 * however deep the value is, and builds a path only for the answer.
 */
export function findTooDeepPath(value: unknown, maxDepth: number = MAX_JSON_DEPTH): string | undefined {
  const pending: Visit[] = [{ value, depth: 0, parent: undefined, step: '' }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    const depth = visit.depth + 1;
    if (depth > maxDepth) return pathOf(visit);
    if (Array.isArray(visit.value)) {
      for (const [index, item] of visit.value.entries()) pending.push({ value: item, depth, parent: visit, step: `[${index}]` });
    } else {
      for (const [key, item] of Object.entries(visit.value)) pending.push({ value: item, depth, parent: visit, step: `.${key}` });
    }
  }
  return undefined;
}

/**
 * True when a parsed JSON value nests objects and arrays deeper than `maxDepth` levels: `findTooDeepPath` without
 * the path, small enough for the browser bundle (the client refuses such answers).
 */
export function nestsTooDeep(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

function pathOf(visit: Visit): string {
  const steps: string[] = [];
  for (let at: Visit | undefined = visit; at !== undefined; at = at.parent) steps.push(at.step);
  const path = steps.reverse().join('').replace(/^\./, '');
  return path === '' ? '(the body itself)' : path;
}
