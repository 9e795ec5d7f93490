import type { LightRequest } from '../transport/light-request.js';

/*
 * Why a pipeline inside `fetch` and not openapi-fetch middleware: openapi-fetch middleware sees a request once and
 * cannot send it again, so retries and per-attempt timeouts cannot live there. openapi-fetch accepts a custom
 * `fetch`, and this module builds one from small policies (the Azure core-pipeline model): each policy gets the
 * exchange and the next step, and may change headers, wait, retry or give up. openapi-fetch keeps what it is good
 * at (typed paths, serialising, parsing), and a policy costs one function call when it has nothing to do.
 */

/**
 * What a policy works on. The request openapi-fetch built is taken apart once: its headers stay one mutable object
 * and its body is read once into a string that every attempt sends again. That makes a retry possible without
 * copying the request, and it is cheaper than handing the Request itself to `fetch`, which would re-wrap its
 * body stream on every attempt.
 */
export interface Exchange {
  readonly url: string;
  readonly method: string;
  /** The request's headers; policies set theirs here. */
  readonly headers: Headers;
  /** The serialised body (JSON in this contract), or undefined for GET. */
  readonly body: string | undefined;
  /** Aborts this attempt: the caller's signal, combined with the deadline armed by the attempt timeout policy. */
  signal: AbortSignal;
  /** Shared by every attempt of one logical call. */
  readonly call: CallState;
}

/** What the attempts of one logical call share. */
export interface CallState {
  /** Attempts started so far (1 while the first one runs). */
  attempts: number;
  /** The deadline of the whole call, when the overall timeout policy set one. */
  deadline?: CallDeadline;
}

/** When a logical call must have ended; the attempt timeout policy and the retry waits enforce it. */
export interface CallDeadline {
  readonly timeoutMs: number;
  /** Milliseconds left until the deadline (zero or less once it passed). */
  remainingMs(): number;
}

export type SendNext = (exchange: Exchange) => Promise<Response>;

/** One cross-cutting concern of every call, with a name for debugging and tests. */
export interface Policy {
  readonly name: string;
  send(exchange: Exchange, next: SendNext): Promise<Response>;
}

/** Composes the policies, first one outermost, into the `fetch` openapi-fetch calls once per logical call. */
export function composePipeline(policies: readonly Policy[], transport: SendNext): (request: Request | LightRequest) => Promise<Response> {
  let next = transport;
  for (let index = policies.length - 1; index >= 0; index -= 1) {
    const policy = policies[index] as Policy;
    const inner = next;
    next = (exchange) => policy.send(exchange, inner);
  }
  const first = next;
  return async (request) =>
    first({
      url: request.url,
      method: request.method,
      headers: request.headers,
      // A platform Request reaches here when a `client.raw` middleware made one; its body is read once.
      body: request instanceof Request ? (request.body === null ? undefined : await request.text()) : request.bodyText,
      signal: request.signal,
      call: { attempts: 0 },
    });
}
