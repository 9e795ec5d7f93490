/*
 * How tests talk to a cart API. Scenarios only see this interface, so the same scenario can run with
 * raw fetch (here) or with the package's typed client (client-driver.ts).
 */

import type { PartnerCenterApiError } from '../../src/index.js';

export interface CartCallOptions {
  /** Bearer token; null sends no Authorization header. Default: a test token. */
  token?: string | null;
  requestId?: string;
  correlationId?: string;
  headers?: Record<string, string>;
}

export interface DriverResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
  /** What the typed client threw for an error answer (client driver only), to check it agrees with the wire. */
  apiError?: PartnerCenterApiError;
}

export interface CartDriver {
  getCart(customerId: string, cartId: string, options?: CartCallOptions): Promise<DriverResponse>;
  updateCart(customerId: string, cartId: string, body: unknown, options?: CartCallOptions): Promise<DriverResponse>;
}

export const DEFAULT_TEST_TOKEN = 'test-token';

/** Parsed JSON, or the raw text when the body is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function fetchCartDriver(baseUrl: string): CartDriver {
  const call = async (
    method: 'GET' | 'PUT',
    customerId: string,
    cartId: string,
    body: unknown,
    options: CartCallOptions = {},
  ): Promise<DriverResponse> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const token = options.token === undefined ? DEFAULT_TEST_TOKEN : options.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (options.requestId) headers['MS-RequestId'] = options.requestId;
    if (options.correlationId) headers['MS-CorrelationId'] = options.correlationId;
    if (body !== undefined && headers['Content-Type'] === undefined) headers['Content-Type'] = 'application/json';
    const url = `${baseUrl}/v1/customers/${encodeURIComponent(customerId)}/carts/${encodeURIComponent(cartId)}`;
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseJson(text) };
  };
  return {
    getCart: (customerId, cartId, options) => call('GET', customerId, cartId, undefined, options),
    updateCart: (customerId, cartId, body, options) => call('PUT', customerId, cartId, body, options),
  };
}
