/*
 * Why a pipeline inside `fetch` and not openapi-fetch middleware: openapi-fetch middleware sees a request once and
 * cannot send it again, so retries and per-attempt timeouts cannot live there. openapi-fetch accepts a custom
 * `fetch`, and this module builds one from small policies (the Azure core-pipeline model): each policy gets the
 * exchange and the next step, and may change headers, wait, retry or give up. openapi-fetch keeps what it is good
 * at (typed paths, serialising, parsing), and a policy costs one function call when it has nothing to do.
 */

/** What a policy works on: the request of this attempt and the signal that aborts it. */
export interface Exchange {
  request: Request;
  /** Aborts this attempt: the caller's signal, combined with the deadlines set by the timeout policies. */
  signal: AbortSignal;
  /** Shared by every attempt of one logical call. */
  readonly call: CallState;
}

/** What the attempts of one logical call share. */
export interface CallState {
  /** Attempts started so far (1 while the first one runs). */
  attempts: number;
}

export type SendNext = (exchange: Exchange) => Promise<Response>;

/** One cross-cutting concern of every call, with a name for debugging and tests. */
export interface Policy {
  readonly name: string;
  send(exchange: Exchange, next: SendNext): Promise<Response>;
}

/** The `fetch` the policies end in: the caller's (or the global) one, handed this attempt's signal. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

export function createTransport(fetchImpl: FetchLike): SendNext {
  // A Request's own signal cannot be replaced, so the attempt's signal travels in init; the request is not copied.
  return (exchange) =>
    exchange.signal === exchange.request.signal ? fetchImpl(exchange.request) : fetchImpl(exchange.request, { signal: exchange.signal });
}

/** Composes the policies, first one outermost, into the `fetch` openapi-fetch calls once per logical call. */
export function composePipeline(policies: readonly Policy[], transport: SendNext): (request: Request) => Promise<Response> {
  let next = transport;
  for (let index = policies.length - 1; index >= 0; index -= 1) {
    const policy = policies[index] as Policy;
    const inner = next;
    next = (exchange) => policy.send(exchange, inner);
  }
  const first = next;
  return (request) => first({ request, signal: request.signal, call: { attempts: 0 } });
}
