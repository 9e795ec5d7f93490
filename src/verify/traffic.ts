/*
 * One recorded exchange, whatever file it came from: the verifier judges these and never looks at HAR or Pact again.
 */

/** Header values by lower-case name; repeated headers joined with `, ` as HTTP allows. */
export type HeaderMap = ReadonlyMap<string, string>;

/** A recorded body: its text (empty when the message had none), or `present: false` when it was not recorded. */
export type RecordedBody = { readonly present: false } | { readonly present: true; readonly text: string };

export interface RecordedExchange {
  /** 0-based position in the file: `entry 2` of a HAR, `interaction 2` of a Pact file. */
  readonly index: number;
  readonly method: string;
  /** The path only, without query (absolute URLs and relative Pact paths both end here). */
  readonly path: string;
  /** The query string without `?`, for secret scrubbing; never printed. */
  readonly query: string;
  readonly requestHeaders: HeaderMap;
  readonly requestBody: RecordedBody;
  readonly status: number;
  readonly responseHeaders: HeaderMap;
  readonly responseBody: RecordedBody;
  /** Names a scenario was asked for by: a Prism `Prefer: example=` or a Pact description and provider states. */
  readonly scenarioHints: readonly string[];
}

export type TrafficKind = 'har' | 'pact';

export interface TrafficFile {
  readonly file: string;
  readonly kind: TrafficKind;
  /** `HAR 1.2`, `Pact v3`... for messages. */
  readonly format: string;
  /** `entry` for HAR, `interaction` for Pact. */
  readonly unit: 'entry' | 'interaction';
  readonly exchanges: readonly RecordedExchange[];
  /** Entries that are not HTTP exchanges of this API's host and were skipped, with why; printed as notes. */
  readonly skipped: readonly string[];
}

/** The input cannot be judged at all: exit code 2, with what to do about it. */
export class UnusableTrafficError extends Error {
  override readonly name = 'UnusableTrafficError';
}

export function headerMap(pairs: Iterable<readonly [string, string]>): HeaderMap {
  const map = new Map<string, string>();
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    const before = map.get(key);
    map.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  return map;
}

/** `Prefer: code=201, example=Reservation` -> `Reservation`. */
export function preferredExample(headers: HeaderMap): string[] {
  const prefer = headers.get('prefer');
  const match = prefer === undefined ? null : /(?:^|[,;\s])example=([^,;\s]+)/i.exec(prefer);
  return match?.[1] ? [match[1]] : [];
}
