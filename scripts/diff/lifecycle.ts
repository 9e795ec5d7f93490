import type { Severity } from './change.js';
import type { JsonObject } from './json-pointer.js';

/**
 * The sunset date of a deprecated operation or parameter, from oasdiff's `x-sunset` extension
 * (an RFC 3339 date, `2027-06-30`); `invalid` when the value is not one.
 */
export function sunsetOf(node: JsonObject): string | 'invalid' | undefined {
  const value = node['x-sunset'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.slice(0, 10))) return 'invalid';
  const date = value.slice(0, 10);
  return Number.isNaN(Date.parse(date)) ? 'invalid' : date;
}

/** Today as `YYYY-MM-DD`, which compares with sunset dates as plain strings. */
export const todayOf = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * Removing something is only safe once it was deprecated and its sunset date, if it has one, has passed:
 * oasdiff's `…-removed-without-deprecation`, `…-removed-before-sunset` and `…-removed-with-deprecation`.
 */
export function removalOf(node: JsonObject, today: string): { severity: Severity; check: string; reason: string } {
  if (node.deprecated !== true)
    return { severity: 'breaking', check: 'without-deprecation', reason: 'removed without being deprecated first' };
  const sunset = sunsetOf(node);
  if (sunset === 'invalid')
    return { severity: 'breaking', check: 'sunset-parse', reason: 'removed, and its x-sunset is not a YYYY-MM-DD date' };
  if (sunset !== undefined && sunset > today) {
    return { severity: 'breaking', check: 'before-sunset', reason: `removed before its announced sunset ${sunset}` };
  }
  return {
    severity: 'non-breaking',
    check: 'with-deprecation',
    reason: `removed after deprecation${sunset ? ` and its sunset ${sunset}` : ''}`,
  };
}

export type LifecycleCheck =
  | 'deprecated'
  | 'deprecated-with-sunset'
  | 'reactivated'
  | 'sunset-deleted'
  | 'sunset-date-changed-too-small'
  | 'sunset-parse';

export interface LifecycleChange {
  severity: Severity;
  check: LifecycleCheck;
  message: string;
}

/** Deprecation and sunset changes of one operation or parameter; only a sunset moved earlier (or unreadable) breaks. */
export function compareLifecycle(was: JsonObject, now: JsonObject): LifecycleChange[] {
  const changes: LifecycleChange[] = [];
  const wasDeprecated = was.deprecated === true;
  const nowDeprecated = now.deprecated === true;
  const wasSunset = sunsetOf(was);
  const nowSunset = sunsetOf(now);
  if (!wasDeprecated && nowDeprecated) {
    changes.push({
      severity: 'non-breaking',
      check: nowSunset === undefined ? 'deprecated' : 'deprecated-with-sunset',
      message: nowSunset === undefined ? 'deprecated' : `deprecated, sunset ${nowSunset}`,
    });
  } else if (wasDeprecated && !nowDeprecated) {
    changes.push({ severity: 'non-breaking', check: 'reactivated', message: 'no longer deprecated' });
  }
  if (nowSunset === 'invalid' && wasSunset !== 'invalid') {
    changes.push({
      severity: 'breaking',
      check: 'sunset-parse',
      message: 'x-sunset is not a YYYY-MM-DD date; write the sunset as 2027-06-30',
    });
  } else if (wasDeprecated && nowDeprecated && wasSunset !== undefined && wasSunset !== 'invalid') {
    if (nowSunset === undefined) {
      changes.push({ severity: 'non-breaking', check: 'sunset-deleted', message: `sunset ${wasSunset} removed; still deprecated` });
    } else if (nowSunset !== 'invalid' && nowSunset < wasSunset) {
      changes.push({
        severity: 'breaking',
        check: 'sunset-date-changed-too-small',
        message: `sunset moved earlier, ${wasSunset} → ${nowSunset}: clients planned for the old date`,
      });
    }
  }
  return changes;
}
