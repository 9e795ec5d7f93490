import { CartClientError } from './cart-client-error.js';

/*
 * Why scrub and not only "never store the token": the token reaches error text from outside the client, from a
 * server that echoes it in a 401 description, or a token provider whose own error quotes it. So every error a call
 * rejects with passes through here once: each token this client has sent, and anything shaped like a bearer token
 * or a JWT, is replaced in its message, stack, string properties and whole cause chain.
 */

const REDACTED = '[redacted]';
/** `Bearer xyz` in any text, and three base64url parts starting with `eyJ` (a JWT, whatever it was called). */
const TOKEN_SHAPES = /\b(Bearer\s+)[^\s"',;]+|eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/gi;
/** How many recent tokens one client remembers (a provider refreshes them; a few cover every call in flight). */
const REMEMBERED_TOKENS = 16;
/** How deep a cause chain is followed; a chain longer than this is cut, never walked forever. */
const MAX_CAUSES = 8;

/** The tokens one client sent, and the scrubbing of error text against them. */
export class SecretRedactor {
  readonly #tokens: string[] = [];

  /** Remembers a token this client sent (the newest last), so that it is scrubbed wherever it shows up. */
  remember(token: string): void {
    if (token.length < 4 || this.#tokens.includes(token)) return;
    this.#tokens.push(token);
    if (this.#tokens.length > REMEMBERED_TOKENS) this.#tokens.shift();
  }

  /** `text` with every known token and every token-shaped run replaced. */
  scrub(text: string): string {
    let out = text;
    for (const token of this.#tokens) if (out.includes(token)) out = out.split(token).join(REDACTED);
    return out.replace(TOKEN_SHAPES, (_match, bearer: string | undefined) => `${bearer ?? ''}${REDACTED}`);
  }

  /** JSON-like data with every string scrubbed (server-sent `data` arrays). */
  scrubData<T>(value: T): T {
    if (value === undefined) return value;
    const json = JSON.stringify(value);
    const clean = this.scrub(json);
    return clean === json ? value : (JSON.parse(clean) as T);
  }

  /**
   * The error to reject with instead of `error`: `error` itself when no text in it or its causes holds a secret
   * (the usual case, which keeps its identity and class). Otherwise a client error is scrubbed in place (the client
   * made it) and any other error in the chain is replaced by a scrubbed copy, so a caller's own object never changes.
   */
  redact(error: unknown): unknown {
    return this.#holdsSecret(error, 0) ? this.#scrubbed(error, 0) : error;
  }

  #holdsSecret(value: unknown, depth: number): boolean {
    if (typeof value === 'string') return this.scrub(value) !== value;
    if (!(value instanceof Error) || depth > MAX_CAUSES) return false;
    const fields = value as unknown as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(value)) {
      const field = fields[key];
      if (key === 'cause') continue;
      if (typeof field === 'string' && this.scrub(field) !== field) return true;
      if (key === 'data' && Array.isArray(field) && this.scrubData(field) !== field) return true;
    }
    return 'cause' in value && this.#holdsSecret(value.cause, depth + 1);
  }

  #scrubbed(error: unknown, depth: number): unknown {
    if (!(error instanceof Error)) return typeof error === 'string' ? this.scrub(error) : error;
    const target = error instanceof CartClientError ? error : copyOf(error);
    const fields = target as unknown as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(target)) {
      const value = fields[key];
      if (key === 'cause') continue;
      if (typeof value === 'string') setField(target, key, this.scrub(value));
      else if (key === 'data' && Array.isArray(value)) setField(target, key, this.scrubData(value));
    }
    if ('cause' in error) {
      setField(target, 'cause', depth < MAX_CAUSES ? this.#scrubbed(error.cause, depth + 1) : '[cause chain cut]');
    }
    return target;
  }
}

function setField(target: Error, key: string, value: unknown): void {
  const enumerable = Object.getOwnPropertyDescriptor(target, key)?.enumerable ?? false;
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable });
}

/** A copy of a foreign error of the same class: its name, message, stack and plain fields (codes such as ECONNRESET). */
function copyOf(error: Error): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of ['name', 'message', 'stack'] as const) {
    Object.defineProperty(copy, key, { value: error[key], writable: true, configurable: true, enumerable: false });
  }
  const fields = error as unknown as Record<string, unknown>;
  for (const key of Object.keys(error)) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number')
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
