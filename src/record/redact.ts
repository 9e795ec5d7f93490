import { REDACTED } from '../errors/redact-secrets.js';

/*
 * What the recorder never writes down. Credentials travel in headers (Authorization, cookies), in query strings
 * (`access_token=` in a redirect) and in bodies (`client_secret`, `refresh_token`); each of these places is
 * redacted by name, whatever its case.
 */

export { REDACTED };

/** Names redacted wherever they appear, before the caller's own. */
export const ALWAYS_REDACTED: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-ms-client-secret',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'client_assertion',
  'password',
  'token',
];

/** Query parameters that carry credentials by convention (an OAuth `code`, a SAS `sig`) but mean other things in bodies. */
const QUERY_CREDENTIALS = new Set(['code', 'sig']);

/** A matcher for names to redact: the defaults plus `extra`, compared case-insensitively. */
export function redactedNames(extra: readonly string[] = []): (name: string) => boolean {
  const names = new Set([...ALWAYS_REDACTED, ...extra].map((name) => name.toLowerCase()));
  return (name) => names.has(name.toLowerCase());
}

/** The URL with the values of redacted query parameters replaced. */
export function redactUrl(url: string, isRedacted: (name: string) => boolean): string {
  const parsed = new URL(url);
  let changed = false;
  for (const name of Array.from(new Set(parsed.searchParams.keys()))) {
    if (isRedacted(name) || QUERY_CREDENTIALS.has(name.toLowerCase())) {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = '';
    parsed.password = '';
    changed = true;
  }
  return changed ? parsed.href : url;
}

/** How deep a JSON body is walked by name; a deeper one is scrubbed as text (a recursion that deep would throw). */
const MAX_JSON_DEPTH = 256;
const TOO_DEEP = Symbol('too deep');

function redactValue(value: unknown, isRedacted: (name: string) => boolean, scrub: (text: string) => string, depth: number): unknown {
  if (depth > MAX_JSON_DEPTH) throw TOO_DEEP;
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, isRedacted, scrub, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, child]) => [
      scrub(name),
      isRedacted(name) ? REDACTED : redactValue(child, isRedacted, scrub, depth + 1),
    ]),
  );
}

/**
 * A JSON body with redacted properties replaced at any depth and every string passed through `scrub` (the
 * recorder's: tokens it saw sent, and token shapes); text that is not JSON, or nested too deep to walk, is scrubbed as
 * text.
 */
export function redactJsonText(
  text: string,
  isRedacted: (name: string) => boolean,
  scrub: (text: string) => string = (same) => same,
): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return scrub(text);
  }
  let redacted: unknown;
  try {
    redacted = redactValue(parsed, isRedacted, scrub, 0);
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
    return scrub(text);
  }
  const out = JSON.stringify(redacted);
  return out === JSON.stringify(parsed) ? text : out;
}
