/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median, lowest and highest of the samples of one measurement. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Rounds to `digits` decimals, for the results file. */
export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A median with the spread of the values and a distribution-free 95% confidence interval of the median itself. */
export interface MedianWithInterval {
  median: number;
  /** The 25th and 75th percentile of the values (nearest rank). */
  q1: number;
  q3: number;
  /** The order statistics around the median that cover the population's median with about 95% probability (binomial, normal approximation). */
  low: number;
  high: number;
}

export function medianWithInterval(values: readonly number[]): MedianWithInterval {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (index: number): number => sorted[Math.min(n - 1, Math.max(0, index))] as number;
  const k = Math.floor((n - 1.96 * Math.sqrt(n)) / 2);
  return {
    median: median(sorted),
    q1: at(Math.ceil(0.25 * n) - 1),
    q3: at(Math.ceil(0.75 * n) - 1),
    low: at(k),
    high: at(n - 1 - k),
  };
}
