/**
 * `value` as a message quotes it, never throwing: JSON for what JSON can write, `String` for numbers (so NaN reads
 * NaN, not null), and for what JSON cannot write (a BigInt, a Symbol, a function, a circular object, a revoked Proxy,
 * a throwing `toJSON` or getter) its kind. Quoting a caller's value used to throw a platform `TypeError` from
 * inside the check that was about to refuse it.
 */
export function quoteValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'symbol') return String(value);
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // Circular, a BigInt, a revoked Proxy, a throwing toJSON or getter: named by its kind below.
  }
  return `a ${typeof value}`;
}
