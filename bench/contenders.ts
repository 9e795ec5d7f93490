import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import axios from 'axios';
import createClient from 'openapi-fetch';
import { Agent as UndiciAgent, request as undiciRequest } from 'undici';
import type { paths } from '../generated/schema.js';
import type { CartUpdate } from '../src/index.js';
import { createCartClient } from '../src/node.js';
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
export const UNDICI_REQUEST = 'undici request';
export const NODE_HTTP = 'node:http keep-alive';
export const AXIOS = 'axios';
export const GENERATED_SDK = 'typescript-fetch SDK (generated)';
export const CLIENT_ON = 'createCartClient (validation on)';
export const CLIENT_FETCH = 'createCartClient (validation on, platform fetch)';
export const CLIENT_BEFORE_FIXES = 'createCartClient before issue 12 (validation on, platform fetch)';

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

/**
 * Our client as a Node user gets it (the package's node entry): on loopback with its default transport, undici's
 * dispatcher; in memory with the stub passed as `fetch`.
 */
function ourClient(baseUrl: string, fetchImpl: AnyFetch | undefined, validateRequests: boolean): Contender {
  const client = createCartClient({
    credential: TOKEN,
    baseUrl,
    validateRequests,
    ...(fetchImpl ? { fetch: (input: string, init: RequestInit) => fetchImpl(input, init) } : {}),
  });
  return {
    name: `createCartClient (validation ${validateRequests ? 'on' : 'off'})`,
    update: (cart) => client.updateCart(CUSTOMER_ID, CART_ID, cart),
  };
}

/** The raw limit of Node: undici's dispatcher API, one keep-alive pool, the same work (JSON body, token, parse). */
function undiciContender(baseUrl: string): Contender {
  const dispatcher = new UndiciAgent({ keepAliveTimeout: 10_000, connections: 64 });
  const url = `${baseUrl}/v1/customers/${CUSTOMER_ID}/carts/${CART_ID}`;
  return {
    name: UNDICI_REQUEST,
    update: async (cart) => {
      const { statusCode, body } = await undiciRequest(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(cart),
        dispatcher,
      });
      if (statusCode !== 200) throw new Error(`undici got HTTP ${statusCode}`);
      return body.json();
    },
  };
}

/** Node's own http module with a keep-alive agent, as axios uses it, without axios. */
function nodeHttpContender(baseUrl: string): Contender {
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(`${baseUrl}/v1/customers/${CUSTOMER_ID}/carts/${CART_ID}`);
  return {
    name: NODE_HTTP,
    update: (cart) =>
      new Promise((resolve, reject) => {
        const payload = JSON.stringify(cart);
        const request = httpRequest(
          url,
          {
            method: 'PUT',
            agent,
            headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), Authorization: `Bearer ${TOKEN}` },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              if (response.statusCode !== 200) reject(new Error(`node:http got HTTP ${response.statusCode}`));
              else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            });
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(payload);
      }),
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
  return { name: AXIOS, update: async (cart) => (await instance.put<unknown>(path, cart)).data };
}

/**
 * Every contender, sending to `baseUrl` through `fetchImpl` (or, for the loopback run, our client through its
 * default transport, axios through node:http, and the two transports with no fetch layer). The client before the
 * issue 12 fixes and ours on the platform fetch are compared on their own, in pairs (fixes-cost.ts).
 */
export async function createContenders(baseUrl: string, fetchImpl: AnyFetch, stubbed: boolean): Promise<Contender[]> {
  const generatedSdk = await loadGeneratedSdk();
  const sdk = generatedSdk(baseUrl, (input, init) => fetchImpl(input, init), TOKEN);
  return [
    rawFetch(baseUrl, fetchImpl),
    bareOpenapiFetch(baseUrl, fetchImpl),
    ourClient(baseUrl, stubbed ? fetchImpl : undefined, true),
    ourClient(baseUrl, stubbed ? fetchImpl : undefined, false),
    { name: GENERATED_SDK, update: (cart) => sdk.updateCart({ customerId: CUSTOMER_ID, cartId: CART_ID, cartUpdate: cart }) },
    axiosClient(baseUrl, stubbed ? fetchImpl : undefined),
    ...(stubbed ? [] : [undiciContender(baseUrl), nodeHttpContender(baseUrl)]),
  ];
}
