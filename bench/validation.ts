import { validateCartUpdate } from '../generated/validators.js';
import { cartWithLines } from './carts.js';
import { median, round } from './stats.js';

export interface ValidationRow {
  lineItems: number;
  validateMicroseconds: number;
  stringifyMicroseconds: number;
  /** validateCartUpdate time ÷ JSON.stringify time of the same cart. */
  ratioToStringify: number;
}

const SAMPLE_MS = 40;
const SAMPLES = 9;

/** Microseconds per call of `work`, the median of several samples of about SAMPLE_MS each. */
function microsecondsPerCall(work: () => unknown): number {
  let iterations = 1;
  // Calibrate: double until one sample lasts long enough for the timer to be precise.
  for (;;) {
    const begin = performance.now();
    for (let index = 0; index < iterations; index += 1) work();
    if (performance.now() - begin >= SAMPLE_MS / 4 || iterations >= 1 << 24) break;
    iterations *= 2;
  }
  iterations *= 4;
  const samples: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const begin = performance.now();
    for (let index = 0; index < iterations; index += 1) work();
    samples.push(((performance.now() - begin) * 1000) / iterations);
  }
  return median(samples);
}

/** Validation of valid carts of growing size against serialising the same cart. */
export function measureValidation(sizes: readonly number[]): ValidationRow[] {
  return sizes.map((lineItems) => {
    const cart = cartWithLines(lineItems);
    if (!validateCartUpdate(cart))
      throw new Error(`the benchmark's ${lineItems}-line cart is not a valid CartUpdate: ${JSON.stringify(validateCartUpdate.errors)}`);
    const validateMicroseconds = microsecondsPerCall(() => validateCartUpdate(cart));
    const stringifyMicroseconds = microsecondsPerCall(() => JSON.stringify(cart));
    return {
      lineItems,
      validateMicroseconds: round(validateMicroseconds, 2),
      stringifyMicroseconds: round(stringifyMicroseconds, 2),
      ratioToStringify: round(validateMicroseconds / stringifyMicroseconds, 2),
    };
  });
}
