import { setTimeout as sleep } from 'node:timers/promises';
import type { CartDriver, DriverResponse } from './cart-driver.js';

const RETRYABLE = new Set([429, 500, 503, 504]);

/**
 * A minimal retrying caller for fault tests: retries retryable statuses, waiting Retry-After seconds,
 * and reuses one MS-RequestId across attempts (the idempotency key) unless told not to.
 */
export async function putWithRetries(
  api: CartDriver,
  customerId: string,
  cartId: string,
  body: unknown,
  options: { maxAttempts: number; requestId?: () => string },
): Promise<{ response: DriverResponse; attempts: number }> {
  const fixedId = crypto.randomUUID();
  for (let attempt = 1; ; attempt++) {
    const response = await api.updateCart(customerId, cartId, body, { requestId: options.requestId?.() ?? fixedId });
    if (!RETRYABLE.has(response.status) || attempt === options.maxAttempts) return { response, attempts: attempt };
    await sleep(Number(response.headers.get('retry-after') ?? '0') * 1000);
  }
}
