import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  CartValidationError,
  type CartClient,
  type CartClientOptions,
  createCartClient as createFetchCartClient,
} from '../../src/index.js';
import { createCartClient as createNodeCartClient } from '../../src/node.js';

export const CUSTOMER_ID = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
export const CART_ID = 'b4c8fdea-cbe4-4d17-9576-13fcacbf9605';
export const SECRET = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLWZvci10ZXN0cw.SECRET-SIGNATURE-c0ffee';
/** A token that does not look like one (no JWT shape), so only the client's memory of it can scrub it. */
export const PLAIN_SECRET = 'plain-SECRET-token-8d1f6a';
export const VALID_UPDATE = {
  lineItems: [{ catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSJB', quantity: 1, billingCycle: 'monthly' as const }],
};

export type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

/** A real HTTP server on 127.0.0.1 that misbehaves as told; `requests` counts what reached it. */
export interface HostileServer {
  readonly url: string;
  readonly requests: { method: string; url: string; authorization: string | undefined; body: string }[];
  close(): Promise<void>;
}

/** Starts a server on a free loopback port. Every socket is destroyed on close, so a stalled answer cannot keep it open. */
export async function startHostileServer(handler: Handler): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const requests: HostileServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
      handler(request, response, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body and status. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export type ClientFactory = (options: CartClientOptions) => CartClient;

/** Both request paths the package ships: the Node entry's undici transport, and the standard one over `fetch`. */
export const TRANSPORTS: readonly [string, ClientFactory][] = [
  ['undici (Node entry)', createNodeCartClient],
  ['fetch', (options) => createFetchCartClient({ ...options, fetch: options.fetch ?? ((input, init) => fetch(input, init)) })],
];

/** Settles `call` and returns what it rejected with (or fails when it resolved). */
export async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  const outcome = await call.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  if ('resolved' in outcome) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)?.slice(0, 200)}`);
  return outcome.rejected;
}

export { CartValidationError };
