import type { SecretRedactor } from '../errors/redact-secrets.js';
import type { RetryNotice } from '../pipeline/retry-policy.js';

/** Which call an event is about. The ids are the ones sent, so they match Partner Center's logs. */
export interface CallInfo {
  readonly method: string;
  readonly url: string;
  /** `MS-RequestId` as sent: the same on every attempt of the call. */
  readonly requestId: string;
  readonly correlationId: string;
}

/** An attempt is about to be sent (after any throttling wait). */
export interface RequestEvent extends CallInfo {
  /** 1 for the first attempt of the call. */
  readonly attempt: number;
}

/** An attempt got an answer (its headers; the body is read later). */
export interface ResponseEvent extends RequestEvent {
  readonly status: number;
  readonly headers: Headers;
  /** From sending the attempt to its response headers. */
  readonly durationMs: number;
}

/** An attempt failed and another follows after `waitMs`; `reason` says why. */
export interface RetryEvent extends CallInfo, RetryNotice {}

/** A call failed: `error` is what it rejects with (for a typed call, the very same object). */
export interface ErrorEvent extends CallInfo {
  readonly error: unknown;
  readonly attempts: number;
  readonly durationMs: number;
}

/**
 * Functions the client calls as calls happen, for metrics, audit logs or tests. A hook runs synchronously in the
 * call's path, so keep it short; an exception it throws is ignored, so a broken hook never breaks a call. Events
 * carry no request headers, so no token reaches a hook.
 */
export interface CartClientHooks {
  request?(event: RequestEvent): void;
  response?(event: ResponseEvent): void;
  retry?(event: RetryEvent): void;
  error?(event: ErrorEvent): void;
}

type HookName = keyof CartClientHooks;
type EventOf<Name extends HookName> = Parameters<NonNullable<CartClientHooks[Name]>>[0];

/** Calls one hook of every hook set in order. */
export type EmitHook = <Name extends HookName>(name: Name, event: EventOf<Name>) => void;

/** The emitter of a client's hook sets (the caller's and the logger's); undefined when there are none, so callers skip building events. */
export function hookEmitter(sets: readonly (CartClientHooks | undefined)[]): EmitHook | undefined {
  const present = sets.filter((set): set is CartClientHooks => set !== undefined);
  if (present.length === 0) return undefined;
  return (name, event) => {
    for (const set of present) {
      try {
        (set[name] as ((event: unknown) => void) | undefined)?.(event);
      } catch {
        // Documented: a hook's own failure must not change the outcome of the call it observes.
      }
    }
  };
}

/**
 * `emit` with every event scrubbed of the client's tokens first: its text (a URL, a message), its error (the same
 * object for a client error, which is scrubbed in place) and a copy of its headers where one holds a secret. A
 * server may echo the token in any of them, and hooks and the logger write them where the call's caller never looks.
 */
export function scrubbedEmitter(emit: EmitHook, redactor: SecretRedactor): EmitHook {
  return (name, event) => {
    // Strings are scrubbed through the plain event; its error and headers are objects of their own kind, done next.
    const clean = { ...redactor.scrubValue(event) };
    const { error, headers } = event as { error?: unknown; headers?: Headers };
    if ('error' in event) Object.assign(clean, { error: redactor.redact(error) });
    if (headers) Object.assign(clean, { headers: scrubbedHeaders(headers, redactor) });
    emit(name, clean);
  };
}

function scrubbedHeaders(headers: Headers, redactor: SecretRedactor): Headers {
  let copy: Headers | undefined;
  headers.forEach((value, name) => {
    const clean = redactor.scrub(value);
    if (clean === value) return;
    copy ??= new Headers(headers);
    copy.set(name, clean);
  });
  return copy ?? headers;
}

/** The call an exchange belongs to, as hooks and log lines name it. */
export function callInfoOf(exchange: { method: string; url: string; headers: Headers }): CallInfo {
  return {
    method: exchange.method,
    url: exchange.url,
    requestId: exchange.headers.get('MS-RequestId') ?? '',
    correlationId: exchange.headers.get('MS-CorrelationId') ?? '',
  };
}
