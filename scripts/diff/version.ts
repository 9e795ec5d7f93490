import { isObject, type Json } from './json-pointer.js';

export function specVersion(document: Json): string {
  const info = isObject(document) ? document.info : undefined;
  return isObject(info) && typeof info.version === 'string' ? info.version : '';
}

function majorOf(version: string): number | undefined {
  const match = /^v?(\d+)\./.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** Breaking changes are allowed only when `info.version`'s major number went up. */
export function isMajorBump(before: string, after: string): boolean {
  const was = majorOf(before);
  const now = majorOf(after);
  return was !== undefined && now !== undefined && now > was;
}
