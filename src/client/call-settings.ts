import { CartValidationError, type CartViolation } from '../errors/index.js';
import type { RetryOptions } from '../pipeline/retry-policy.js';
import type { ThrottlingOptions } from '../pipeline/throttle-policy.js';
import { isHeaderValue } from './header-value.js';
import { quoteValue } from '../validation/quote-value.js';

/*
 * Retry and timeout settings come from code and configuration files, where NaN, a negative number or a string slips
 * in easily, and each used to make calls misbehave without a word: a NaN backoff waited out the whole overall
 * deadline, a NaN attempt deadline timed out every attempt. So they are checked, at creation for the client's and
 * before anything is sent for a call's own. A property given as `undefined` means the default, as if left out.
 */

/** How long to wait for Partner Center. */
export interface TimeoutOptions {
  /** One attempt, until the whole response body has arrived. Default 30 000 ms. */
  attemptMs: number;
  /** The whole call, retries and their waits included. Default 120 000 ms. */
  overallMs: number;
}

type Settings<T> = Partial<T> | false | undefined;

/** `settings` without the properties given as undefined, so that merging them over the defaults keeps the default. */
export function definedOnly<T extends object>(settings: Partial<T> | undefined): Partial<T> {
  if (settings === undefined) return {};
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** A test of one setting's value, and what the setting must be, as its message says. */
type Rule = readonly [test: (value: unknown) => boolean, expected: string];

const atLeastZero = (value: unknown): boolean => typeof value === 'number' && value >= 0;
const MILLISECONDS: Rule = [atLeastZero, 'a number of milliseconds, 0 or more'];
const CAP: Rule = [(value) => atLeastZero(value) && value !== 0, 'a number above 0 (Infinity for no cap)'];
const isStatus = (status: unknown): boolean => Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599;

const RETRY_RULES: Record<keyof RetryOptions, Rule> = {
  maxRetries: [(value) => atLeastZero(value) && (Number.isInteger(value) || value === Infinity), 'a whole number, 0 or more'],
  baseDelayMs: MILLISECONDS,
  maxDelayMs: MILLISECONDS,
  maxElapsedMs: MILLISECONDS,
  retryOn: [(value) => Array.isArray(value) && value.every(isStatus), 'a list of HTTP statuses such as [429, 503]'],
};
const TIMEOUT_RULES: Record<keyof TimeoutOptions, Rule> = { attemptMs: MILLISECONDS, overallMs: MILLISECONDS };
const THROTTLING_RULES: Record<keyof ThrottlingOptions, Rule> = {
  pauseOn429: [(value) => typeof value === 'boolean', 'true or false'],
  maxPauseMs: MILLISECONDS,
  // A cap of 0 would hold every attempt back for good.
  maxConcurrentPerCustomer: CAP,
  maxPerSecondPerCustomer: CAP,
  maxConcurrent: CAP,
  maxPerSecond: CAP,
};

/** Every setting of `settings` its rule refuses (NaN fails every rule); unknown and undefined ones are left alone. */
function ruleViolations<T extends object>(path: string, settings: Settings<T>, rules: Record<keyof T, Rule>): CartViolation[] {
  if (settings === undefined || settings === false) return [];
  return Object.entries(definedOnly(settings)).flatMap(([name, value]) => {
    const rule = (rules as Record<string, Rule | undefined>)[name];
    if (!rule || rule[0](value)) return [];
    return [{ path: `${path}.${name}`, rule: 'type', message: `${path}.${name} must be ${rule[1]} (got ${quoteValue(value)})`, value }];
  });
}

/** Every retry or timeout setting that cannot mean anything, at creation or for one call. */
export function settingsViolations(retry: Settings<RetryOptions>, timeouts: Settings<TimeoutOptions>): CartViolation[] {
  return [...ruleViolations('retry', retry, RETRY_RULES), ...ruleViolations('timeouts', timeouts, TIMEOUT_RULES)];
}

/** The client's throttling settings that cannot mean anything. */
export function throttlingViolations(throttling: Settings<ThrottlingOptions>): CartViolation[] {
  return ruleViolations('throttling', throttling, THROTTLING_RULES);
}

/** What a call's options hold that the client checks before sending anything. */
export interface CallSettings {
  signal?: unknown;
  requestId?: unknown;
  correlationId?: unknown;
  retry?: Settings<RetryOptions>;
  timeouts?: Settings<TimeoutOptions>;
}

/** An AbortSignal, also one of another realm (a test environment's, an iframe's), told by what the client uses of it. */
function isSignal(value: unknown): value is AbortSignal {
  const signal = value as Partial<AbortSignal> | null;
  return (
    typeof signal === 'object' && signal !== null && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function'
  );
}

/** The violation of a `signal` that is not an AbortSignal; none for one that is, or for none at all. */
export function signalViolations(signal: unknown): CartViolation[] {
  if (signal === undefined || isSignal(signal)) return [];
  return [{ path: 'signal', rule: 'type', message: `signal must be an AbortSignal (got ${quoteValue(signal)})`, value: signal }];
}

/** Every option of one call that cannot be used as it is; its ids are checked as GUIDs later, by the call ids policy. */
export function callOptionViolations(call: CallSettings | undefined): CartViolation[] {
  if (call === undefined) return [];
  const found = [...settingsViolations(call.retry, call.timeouts), ...signalViolations(call.signal)];
  for (const name of ['requestId', 'correlationId'] as const) {
    const value = call[name];
    // A header value with a line break would throw from Headers, or worse, add a header.
    if (value !== undefined && !isHeaderValue(value))
      found.push({ path: name, rule: 'format', message: `${name} must be a GUID (got ${quoteValue(value)})`, value });
  }
  return found;
}

const CALL_OPTION_NAMES = ['signal', 'requestId', 'correlationId', 'retry', 'timeouts'] as const;

/**
 * A call's options read once into a plain object (each getter and Proxy trap runs once, settings are copied), so that
 * what the checks see is what the call uses: a getter answering a GUID to the check and a line break to the request
 * used to reach `Headers` as a platform `TypeError`. Options that are not an object, or cannot be read, are refused
 * with a `CartValidationError`.
 */
export function snapshotCallOptions<T extends CallSettings>(call: T | undefined): T | undefined {
  if (call === undefined) return undefined;
  try {
    if (typeof call !== 'object') throw new TypeError();
    const own: Record<string, unknown> = {};
    for (const name of CALL_OPTION_NAMES) {
      const value: unknown = call[name];
      if (value !== undefined) own[name] = name !== 'signal' && typeof value === 'object' && value !== null ? { ...value } : value;
    }
    return own as T;
  } catch {
    throw new CartValidationError([{ path: 'options', rule: 'type', message: 'options must be a readable object', value: undefined }]);
  }
}
