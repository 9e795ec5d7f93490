import { NEVER_ABORTS } from './never-aborts.js';

/*
 * The Request class the client hands openapi-fetch. A platform Request (undici's on Node) validates and copies its
 * headers, wraps its body in a stream and makes a signal of its own that follows the caller's: several
 * microseconds per call, for an object the pipeline only takes apart again. openapi-fetch needs nothing but the
 * fields below, so this class keeps the serialised body string and the headers object openapi-fetch built.
 */
export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  readonly redirect: NonNullable<RequestInit['redirect']>;
  /** The body openapi-fetch serialised (JSON in this contract), or undefined. */
  readonly bodyText: string | undefined;
  #used = false;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal ?? NEVER_ABORTS;
    this.redirect = init.redirect ?? 'follow';
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      throw new TypeError('the cart client sends JSON bodies only; pass a plain object as body');
    }
    this.bodyText = init.body ?? undefined;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** The body as text, as a Request would give it to a `client.raw` middleware. */
  async text(): Promise<string> {
    this.#used = true;
    return this.bodyText ?? '';
  }

  /** openapi-fetch checks what a `client.raw` middleware returns with `instanceof` this class: a platform Request passes too. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Request || (typeof value === 'object' && value !== null && #used in value);
  }
}
