/**
 * The `Request` class the client hands openapi-fetch. It remembers the body string openapi-fetch serialised, so the
 * pipeline can send that string on every attempt instead of reading it back out of the request's stream, which
 * cost tens of microseconds per call (measured in bench/). Everything else is a plain `Request`.
 */
export class ReplayableRequest extends Request {
  readonly #bodyText: string | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    this.#bodyText = typeof init?.body === 'string' ? init.body : undefined;
  }

  /**
   * The body string `request` was built with, or undefined when it is not one of ours (a middleware of `client.raw`
   * replaced it), had no string body, or its body was already read.
   */
  static bodyTextOf(request: Request): string | undefined {
    return #bodyText in request && !request.bodyUsed ? request.#bodyText : undefined;
  }

  /** openapi-fetch checks a request a middleware returns with `instanceof` this class: any Request passes, as by default. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Request;
  }
}
