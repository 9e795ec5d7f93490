/** The longest delay a timer can hold (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/*
 * RFC 9110 section 10.2.3: Retry-After is delay-seconds (a non-negative integer) or an HTTP-date. Every form of
 * HTTP-date (IMF-fixdate, and the obsolete RFC 850 and asctime ones) starts with the day's name and has a time, and
 * Date.parse reads all three. Date.parse alone is not a parser for it: it reads `1.5` or `-5` as dates in 2001 and
 * 2005, which meant no wait at all.
 */
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? [\w -]+ \d\d:\d\d:\d\d\b/;

/**
 * Reads `Retry-After` as milliseconds to wait: delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00
 * GMT`, a past date meaning "now"), clamped to what a timer can hold. Undefined when absent or not one of those.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_TIMER_MS);
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - now), MAX_TIMER_MS);
}
