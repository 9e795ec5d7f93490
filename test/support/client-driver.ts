import { createCartClient, PartnerCenterApiError, type Cart, type CartUpdate } from '../../src/index.js';
import { DEFAULT_TEST_TOKEN, parseJson, type CartCallOptions, type CartDriver, type DriverResponse } from './cart-driver.js';
import { forwardingFetch } from './forwarding-fetch.js';

/**
 * A CartDriver that makes every call with the package's typed client, so scenarios check what the client puts on
 * the wire (ids, headers, body) and how it reads the answer. Retries are off: a scenario expects to see each
 * answer, a 429 or 503 included. A success returns the Cart the client gave back; an error answer returns the
 * body as received (Prism's problem+json stays readable) with the client's `PartnerCenterApiError` beside it.
 * Any other failure (a CartValidationError, no answer) is thrown.
 */
export function clientCartDriver(baseUrl: string): CartDriver {
  const call = async (
    options: CartCallOptions,
    send: (client: ReturnType<typeof createCartClient>) => Promise<Cart>,
  ): Promise<DriverResponse> => {
    if (options.token === null) throw new Error('the typed client always sends a bearer token; use fetchCartDriver to send none');
    // One client and one recording fetch per call, so racing calls each see their own answer.
    const wire = forwardingFetch(() => options.headers ?? {});
    const client = createCartClient({ credential: options.token ?? DEFAULT_TEST_TOKEN, baseUrl, retry: false, fetch: wire.fetch });
    try {
      const cart = await send(client);
      const [exchange] = wire.exchanges;
      if (!exchange) throw new Error('the client returned a cart without any exchange on the wire');
      return { status: exchange.status, headers: exchange.responseHeaders, body: cart };
    } catch (error) {
      const [exchange] = wire.exchanges;
      if (!(error instanceof PartnerCenterApiError) || !exchange) throw error;
      return { status: error.status, headers: exchange.responseHeaders, body: parseJson(exchange.responseText), apiError: error };
    }
  };
  const ids = (options: CartCallOptions = {}): { requestId?: string; correlationId?: string } => ({
    ...(options.requestId ? { requestId: options.requestId } : {}),
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
  });
  return {
    getCart: (customerId, cartId, options = {}) => call(options, (client) => client.getCart(customerId, cartId, ids(options))),
    updateCart: (customerId, cartId, body, options = {}) =>
      call(options, (client) => client.updateCart(customerId, cartId, body as CartUpdate, ids(options))),
  };
}
