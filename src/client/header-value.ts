/** What RFC 9110 allows in a field value: visible ASCII, obs-text, and spaces or tabs between, not at the edges. */
const FIELD_VALUE = /^(?![\t ])[\t\x20-\x7e\x80-\xff]+(?<![\t ])$/;

/** True when `value` is a non-empty string that can be sent as an HTTP header value as it is (no CR, LF, NUL or edge whitespace). */
export function isHeaderValue(value: unknown): value is string {
  return typeof value === 'string' && FIELD_VALUE.test(value);
}
