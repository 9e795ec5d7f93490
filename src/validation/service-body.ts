import type { AcceptanceTable, AcceptedValue } from './acceptance-table.js';
import { dotnetEnumName } from './dotnet-enum-name.js';

/*
 * Reads a request body the way Partner Center does, following the tables `npm run generate` derived from the spec's
 * `x-service-acceptance` rules: property names to their canonical spelling, enum values to their canonical value,
 * nulls of optional properties dropped, zone-less date-times read as UTC, map keys camelCased where the service does.
 * Nothing here knows a property of the cart: every name comes from the generated tables. Unknown properties, and
 * values the tables cannot map, are kept as they are for the schema's validator to judge.
 */

/** A body as the service reads it, and where each of its values came from in the body as sent. */
export interface ServiceReading {
  body: unknown;
  /** The JSON pointer in the body as sent of a value at `pointer` in the body as read (itself when unknown). */
  sourcePointer(pointer: string): string;
}

/** `yyyy-MM-ddTHH:mm:ss` with optional fractional seconds and no offset: how .NET writes a DateTime of unspecified kind. */
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;

const escapeSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isUpper = (char: string): boolean => char !== char.toLowerCase();

/** Sets an own property, even one named `__proto__` (JSON.parse makes those; plain assignment would set the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Newtonsoft's camelCasing of a dictionary key: the leading run of capitals lowered (`SubscriptionId`, `IPAddress` -> `ipAddress`). */
export function camelCaseKey(key: string): string {
  const chars = [...key];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] ?? '';
    const next = chars[index + 1];
    if (!isUpper(char) || (index > 0 && next !== undefined && !isUpper(next))) break;
    chars[index] = char.toLowerCase();
  }
  return chars.join('');
}

/** Reads `body` with the generated `table` of one request body; never throws, never changes `body`. */
export function readAsService(body: unknown, table: AcceptanceTable): ServiceReading {
  const sources = new Map<string, string>();

  const read = (value: unknown, rule: AcceptedValue, at: string, from: string): unknown => {
    sources.set(at, from);
    const shape = rule.shape === undefined ? undefined : lookup(table.shapes, rule.shape);
    if (shape && isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const property = lookup(shape, table.caseInsensitiveNames ? key.toLowerCase() : key);
        const childFrom = `${from}/${escapeSegment(key)}`;
        if (!property) {
          setOwn(out, key, child);
          sources.set(`${at}/${escapeSegment(key)}`, childFrom);
        } else if (!(child === null && property.nullMeansAbsent)) {
          setOwn(out, property.name, read(child, property, `${at}/${escapeSegment(property.name)}`, childFrom));
        }
      }
      return out;
    }
    if (rule.items && Array.isArray(value)) {
      const items = rule.items;
      return value.map((item, index) => read(item, items, `${at}/${index}`, `${from}/${index}`));
    }
    if (rule.mapValues && isPlainObject(value)) {
      const values = rule.mapValues;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const name = rule.camelCaseKeys ? camelCaseKey(key) : key;
        setOwn(out, name, read(child, values, `${at}/${escapeSegment(name)}`, `${from}/${escapeSegment(key)}`));
      }
      return out;
    }
    if (typeof value === 'string' && rule.enumByDotnetName) return lookup(rule.enumByDotnetName, dotnetEnumName(value)) ?? value;
    if (typeof value === 'string' && rule.dateTime && ZONELESS_DATE_TIME.test(value)) return `${value}Z`;
    return value;
  };

  const readBody = read(body, table.root, '', '');
  return { body: readBody, sourcePointer: (pointer) => sources.get(pointer) ?? pointer };
}
