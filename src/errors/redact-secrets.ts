import { CartClientError } from './cart-client-error.js';

/*
 * Why scrub and not only "never store the token": the token reaches error text from outside the client, from a
 * server that echoes it in a 401 description, or a token provider whose own error quotes it. So every error a call
 * rejects with passes through here once: each token this client has sent, and anything shaped like a bearer token
 * or a JWT, is replaced in its message, stack, string properties and whole cause chain.
 */

/** What every redacted secret is replaced with, in errors, recorded traffic and the verifier's output. */
export const REDACTED = '[redacted]';
/** Three base64url parts starting with `eyJ`: a JWT, whatever it was called (a regular expression's source). */
export const JWT_SHAPE = 'eyJ[\\w-]{4,}\\.[\\w-]{4,}\\.[\\w-]*';
/**
 * `Bearer <b64token>` (RFC 6750's token characters, 8 or more, so `Bearer <access token>` in prose stays) in any
 * text, and three base64url parts starting with `eyJ` (a JWT, whatever it was called).
 */
const TOKEN_SHAPES = new RegExp(String.raw`\b(Bearer\s+)[\w.~+/-]{8,}=*|` + JWT_SHAPE, 'gi');
/** How many recent tokens one client remembers (a provider refreshes them; a few cover every call in flight). */
const REMEMBERED_TOKENS = 16;
/** How deep a cause chain is followed; a chain longer than this is cut (its rest becomes `[cut]`), never walked forever. */
const MAX_CAUSES = 8;
/** How deep arrays and plain objects in an error's fields are walked; anything deeper becomes `[cut]`. */
const MAX_VALUE_DEPTH = 64;

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
    // $1 is the `Bearer ` kept before a redacted bearer token, and empty for a JWT.
    return out.replace(TOKEN_SHAPES, `$1${REDACTED}`);
  }

  /**
   * The error to reject with instead of `error`: `error` itself when no text in it or its causes holds a secret
   * (the usual case, which keeps its identity). Otherwise a client error is scrubbed in place (the client made it)
   * and any other error in the chain is replaced by a scrubbed copy of the same class, so a caller's own object
   * never changes.
   */
  redact(error: unknown, depth = 0): unknown {
    if (typeof error === 'string') return this.scrub(error);
    if (!(error instanceof Error)) return error;
    if (depth > MAX_CAUSES) return '[cut]';
    const fields = error as unknown as Record<string, unknown>;
    const changes: [string, unknown][] = [];
    for (const key of Object.getOwnPropertyNames(error)) {
      const value = fields[key];
      // Strings, and every string inside arrays and plain objects: the server-sent data of an API error, the
      // deviations of a contract error (whose values are quoted from the answer), a violation's value.
      const clean = key === 'cause' ? this.redact(value, depth + 1) : this.scrubValue(value);
      if (clean !== value) changes.push([key, clean]);
    }
    if (changes.length === 0) return error;
    const target = error instanceof CartClientError ? error : copyOf(error);
    for (const [key, value] of changes) {
      const enumerable = Object.getOwnPropertyDescriptor(target, key)?.enumerable;
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable });
    }
    return target;
  }

  /**
   * `value` with every string in it (keys included) scrubbed, through arrays and plain objects; the same value when
   * nothing changed. Other objects (errors, Headers) are left to their own scrubbing.
   */
  scrubValue<T>(value: T, depth = 0): T {
    return this.#scrubValue(value, depth) as T;
  }

  #scrubValue(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.scrub(value);
    if (typeof value !== 'object' || value === null) return value;
    const isArray = Array.isArray(value);
    const prototype: unknown = Object.getPrototypeOf(value);
    if (!isArray && prototype !== Object.prototype && prototype !== null) return value;
    if (depth >= MAX_VALUE_DEPTH) return '[cut]';
    let changed = false;
    const entries = Object.entries(value).map(([key, item]): [string, unknown] => {
      const cleanKey = isArray ? key : this.scrub(key);
      const cleanItem = this.#scrubValue(item, depth + 1);
      changed ||= cleanKey !== key || cleanItem !== item;
      return [cleanKey, cleanItem];
    });
    if (!changed) return value;
    // defineProperty, not assignment: a key `__proto__` (JSON.parse makes it an own key) stays a key.
    const copy: object = isArray ? [] : {};
    for (const [key, item] of entries)
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    return copy;
  }
}

/** A copy of a foreign error: same class, same own properties. */
function copyOf(error: Error): Error {
  return Object.defineProperties(Object.create(Object.getPrototypeOf(error) as object) as Error, Object.getOwnPropertyDescriptors(error));
}
