/**
 * Where a change is in the source YAML a reviewer edits. A change that carries a JSON pointer into the bundled spec
 * (`pointer`) is located exactly; otherwise the operation and the start of its location (request body, response
 * status, parameter) are turned into one, so every change still points at the nearest source line.
 */
import type { Change } from './change.js';
import { pointerSegments } from '../spec/json.js';
import { createSourceLocator, type SourceLocation } from '../lint/source-location.js';

/**
 * A change as the reporters read it. A detector that knows the JSON pointer of the changed node in the bundled spec
 * may set `pointer`; without one the change is located from its operation and location text.
 */
export type ReportedChange = Change & { pointer?: string };

/** `lineItems[].catalogItemId` → properties/lineItems/items/properties/catalogItemId, the schema path it names. */
function propertyPath(dotted: string): string[] {
  return dotted
    .split('.')
    .filter(Boolean)
    .flatMap((segment) => {
      const name = segment.replace(/(\[\])+$/, '');
      const arrays = (segment.length - name.length) / 2;
      return [...(name ? ['properties', name] : []), ...Array<string>(arrays).fill('items')];
    });
}

/** A body location the differ writes, `request body (application/json) a.b[]` or `response 200 (application/json) a`. */
const BODY_LOCATION = /^(?:request body|response (\S+)) \(([^)]+)\)(?: (.+))?$/;

function pathOf(change: ReportedChange): (string | number)[] {
  if (change.pointer) return pointerSegments(change.pointer);
  const operation = /^([A-Z]+) (\/.*)$/.exec(change.operation);
  if (!operation?.[1] || !operation[2]) return ['info', 'version'];
  const base = ['paths', operation[2], operation[1].toLowerCase()];
  const body = BODY_LOCATION.exec(change.location);
  if (body?.[2]) {
    const part = body[1] ? ['responses', body[1]] : ['requestBody'];
    return [...base, ...part, 'content', body[2], 'schema', ...propertyPath(body[3] ?? '')];
  }
  const response = /^response (\S+)/.exec(change.location);
  if (response?.[1]) return [...base, 'responses', response[1]];
  if (change.location.startsWith('request body')) return [...base, 'requestBody'];
  if (/^(path|query|header|cookie) parameter /.test(change.location)) return [...base, 'parameters'];
  return base;
}

/** Locates changes in the split spec rooted at `rootFile` (the working tree's, the side a reviewer can edit). */
export function changeLocator(rootFile: string): (change: ReportedChange) => SourceLocation {
  const locate = createSourceLocator(rootFile);
  return (change) => locate(pathOf(change));
}
