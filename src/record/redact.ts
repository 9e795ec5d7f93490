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

function redactValue(value: unknown, isRedacted: (name: string) => boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, isRedacted));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, child]) => [name, isRedacted(name) ? REDACTED : redactValue(child, isRedacted)]),
  );
}

/** A JSON body with redacted properties replaced at any depth; text that is not JSON is kept as it is. */
export function redactJsonText(text: string, isRedacted: (name: string) => boolean): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const redacted = redactValue(parsed, isRedacted);
  return JSON.stringify(redacted) === JSON.stringify(parsed) ? text : JSON.stringify(redacted);
}
