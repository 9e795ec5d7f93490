import axios from 'axios';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { createCartClient, type CartUpdate } from '../src/index.js';
import { CART_ID, CUSTOMER_ID, TOKEN } from './carts.js';
import { loadGeneratedSdk } from './typescript-fetch-sdk.js';

/*
 * The ways to send the same cart update, each doing the same work a caller needs: send the PUT with a bearer token
 * and a JSON body, and parse the JSON cart that comes back.
 */

/** Sends one cart update and resolves with the parsed answer. */
export type UpdateOnce = (cart: CartUpdate) => Promise<unknown>;

export interface Contender {
  readonly name: string;
  readonly update: UpdateOnce;
}

/** The `fetch` every contender ends in: the platform's for the loopback run, a stub for the in-memory one. */
export type AnyFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export const RAW_FETCH = 'raw fetch';
export const BARE_OPENAPI_FETCH = 'openapi-fetch (bare)';

const PATH = '/v1/customers/{customer-id}/carts/{cart-id}';
const ids = { 'customer-id': CUSTOMER_ID, 'cart-id': CART_ID };

function rawFetch(baseUrl: string, fetchImpl: AnyFetch): Contender {
  const url = `${baseUrl}/v1/customers/${CUSTOMER_ID}/carts/${CART_ID}`;
  return {
    name: RAW_FETCH,
    update: async (cart) => {
      const response = await fetchImpl(url, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(cart),
      });
      if (!response.ok) throw new Error(`raw fetch got HTTP ${response.status}`);
      return response.json();
    },
  };
}

function bareOpenapiFetch(baseUrl: string, fetchImpl: AnyFetch): Contender {
  const client = createClient<paths>({ baseUrl, fetch: (request) => fetchImpl(request), headers: { Authorization: `Bearer ${TOKEN}` } });
  return {
    name: BARE_OPENAPI_FETCH,
    update: async (cart) => {
      const { data, response } = await client.PUT(PATH, { params: { path: ids }, body: cart });
      if (data === undefined) throw new Error(`openapi-fetch got HTTP ${response.status}`);
      return data;
    },
  };
}

function ourClient(baseUrl: string, fetchImpl: AnyFetch, validateRequests: boolean): Contender {
  const client = createCartClient({ credential: TOKEN, baseUrl, validateRequests, fetch: (input, init) => fetchImpl(input, init) });
  return {
    name: `createCartClient (validation ${validateRequests ? 'on' : 'off'})`,
    update: (cart) => client.updateCart(CUSTOMER_ID, CART_ID, cart),
  };
}

function axiosClient(baseUrl: string, fetchImpl: AnyFetch | undefined): Contender {
  // Against the server axios uses its default Node adapter (node:http); in memory its fetch adapter with the stub.
  const instance = axios.create({
    baseURL: baseUrl,
    headers: { Authorization: `Bearer ${TOKEN}` },
    ...(fetchImpl ? { adapter: 'fetch' as const, env: { fetch: fetchImpl } } : {}),
  });
  const path = `/v1/customers/${CUSTOMER_ID}/carts/${CART_ID}`;
  return { name: 'axios', update: async (cart) => (await instance.put<unknown>(path, cart)).data };
}

/**
 * Every contender, sending to `baseUrl` through `fetchImpl` (or, for the loopback run, axios through node:http).
 * Raw fetch comes first: the others are reported as a ratio to it.
 */
export async function createContenders(baseUrl: string, fetchImpl: AnyFetch, stubbed: boolean): Promise<Contender[]> {
  const generatedSdk = await loadGeneratedSdk();
  const sdk = generatedSdk(baseUrl, (input, init) => fetchImpl(input, init), TOKEN);
  return [
    rawFetch(baseUrl, fetchImpl),
    bareOpenapiFetch(baseUrl, fetchImpl),
    ourClient(baseUrl, fetchImpl, true),
    ourClient(baseUrl, fetchImpl, false),
    {
      name: 'typescript-fetch SDK (generated)',
      update: (cart) => sdk.updateCart({ customerId: CUSTOMER_ID, cartId: CART_ID, cartUpdate: cart }),
    },
    axiosClient(baseUrl, stubbed ? fetchImpl : undefined),
  ];
}
