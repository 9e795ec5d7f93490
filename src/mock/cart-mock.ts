import { type PrismOptions, type RunningPrism, startPrism } from './prism.js';
import { startServiceFront } from './service-front.js';

/** How to start the cart mock: Prism's options, less the mode (always `mock`). */
export type CartMockOptions = Omit<PrismOptions, 'mode' | 'upstream'>;

/**
 * Starts the cart mock that `partner-center-cart-mock` runs: Prism's mock of the spec on a free loopback port, behind
 * a front on `host`:`port` that reads each PUT body the way Partner Center does (names in any case, .NET enum
 * spellings, nulls for unset optional properties, zone-less date-times) before Prism judges it. `url` and `port` are
 * the front's; `pid` and `logs` are Prism's.
 *
 * @example
 * ```ts
 * const mock = await startCartMock({ specPath: 'generated/openapi.json' });
 * await fetch(`${mock.url}/v1/customers/${customerId}/carts/${cartId}`, {
 *   method: 'PUT',
 *   headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ LineItems: [{ CatalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', Quantity: 2, BillingCycle: 'OneTime' }] }),
 * }); // 201, as Partner Center answers the .NET SDK
 * await mock.stop();
 * ```
 */
export async function startCartMock(options: CartMockOptions): Promise<RunningPrism> {
  const { port, host, ...prismOptions } = options;
  const prism = await startPrism({ ...prismOptions, mode: 'mock' });
  try {
    const front = await startServiceFront({ upstream: prism.url, host, port });
    const stop = async (): Promise<void> => {
      await front.stop();
      await prism.stop();
    };
    return { url: front.url, port: front.port, pid: prism.pid, logs: prism.logs, stop };
  } catch (error) {
    await prism.stop();
    throw error;
  }
}
