import { JWT_SHAPE } from '../errors/redact-secrets.js';
import { ALWAYS_REDACTED, REDACTED } from '../record/redact.js';
import type { RecordedExchange } from './traffic.js';

/*
 * No credential from the traffic may reach any output. Findings are built from values the contract checks, and
 * Authorization is never quoted, but a token can still hide in a body, a header the contract knows nothing about or
 * a query string. So every secret-looking value of the traffic is collected first and scrubbed from everything
 * printed, in every format.
 */

const SECRET_HEADERS = new Set([...ALWAYS_REDACTED, 'x-api-key', 'api-key', 'ocp-apim-subscription-key', 'x-functions-key']);
const JWT = new RegExp(JWT_SHAPE, 'g');
/** Shorter values are too likely to be ordinary words to scrub everywhere. */
const SHORTEST_SECRET = 6;

function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || /token|secret|password|passwd|api[-_]?key|signature|credential/.test(lower);
}

function collectFromJson(value: unknown, into: Set<string>, underSecretName: boolean): void {
  if (typeof value === 'string') {
    if (underSecretName) into.add(value);
    for (const jwt of value.match(JWT) ?? []) into.add(jwt);
    return;
  }
  if (Array.isArray(value)) for (const item of value) collectFromJson(item, into, underSecretName);
  else if (typeof value === 'object' && value !== null)
    for (const [name, child] of Object.entries(value)) collectFromJson(child, into, underSecretName || isSecretName(name));
}

function collectFromText(text: string, into: Set<string>): void {
  try {
    collectFromJson(JSON.parse(text), into, false);
  } catch {
    for (const jwt of text.match(JWT) ?? []) into.add(jwt);
  }
}

function collectFromHeaders(headers: ReadonlyMap<string, string>, into: Set<string>): void {
  for (const [name, value] of headers) {
    if (isSecretName(name)) {
      into.add(value);
      // `Bearer abc`: the credential alone too, in case it is printed without its scheme.
      for (const part of value.split(/[\s,;=]+/)) if (part.length >= SHORTEST_SECRET && !/^bearer$/i.test(part)) into.add(part);
    }
    for (const jwt of value.match(JWT) ?? []) into.add(jwt);
  }
}

/** Every secret-looking value of the exchanges. */
export function collectSecrets(exchanges: readonly RecordedExchange[]): Set<string> {
  const secrets = new Set<string>();
  for (const exchange of exchanges) {
    collectFromHeaders(exchange.requestHeaders, secrets);
    collectFromHeaders(exchange.responseHeaders, secrets);
    for (const [name, value] of new URLSearchParams(exchange.query))
      if (isSecretName(name) || name === 'code' || name === 'sig') secrets.add(value);
    for (const jwt of `${exchange.path}?${exchange.query}`.match(JWT) ?? []) secrets.add(jwt);
    if (exchange.requestBody.present) collectFromText(exchange.requestBody.text, secrets);
    if (exchange.responseBody.present) collectFromText(exchange.responseBody.text, secrets);
  }
  return secrets;
}

/** Replaces every secret, plain or as escaped in JSON and XML, and anything JWT-shaped, with `[redacted]`. */
export function scrubber(secrets: ReadonlySet<string>): (text: string) => string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < SHORTEST_SECRET || secret === REDACTED) continue;
    variants.add(secret);
    variants.add(JSON.stringify(secret).slice(1, -1));
    variants.add(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
  }
  // Longest first, so that a secret containing another is replaced whole.
  const ordered = [...variants].sort((left, right) => right.length - left.length);
  return (text) => {
    let scrubbed = text;
    for (const secret of ordered) if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
    return scrubbed.replace(JWT, REDACTED);
  };
}
