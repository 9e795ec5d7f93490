import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A small real Partner Center stand-in on 127.0.0.1 for answers the stateful fake does not give: response headers
 * it never sends (MS-CV, MS-ServerId), an error code sent as a string, or any chosen error code under a 5xx (the
 * fake's injected faults use the status as the code). Each test scripts the answers; the server records what
 * arrived. Throttling and token refresh run against the fake (test/client/throttling.test.ts, token-refresh.test.ts).
 */

/** One request as it arrived. */
export interface Arrival {
  /** performance.now() on arrival. */
  readonly at: number;
  readonly method: string;
  readonly customerId: string;
  readonly cartId: string;
  readonly requestId: string;
  readonly correlationId: string;
  readonly authorization: string;
  readonly body: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type Script = (arrival: Arrival) => Answer | Promise<Answer>;

export interface PartnerCenterServer {
  readonly baseUrl: string;
  readonly arrivals: Arrival[];
  close(): Promise<void>;
}

const CART_URL = /^\/v1\/customers\/([^/]+)\/carts\/([^/?]+)/;

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

export async function startPartnerCenterServer(script: Script): Promise<PartnerCenterServer> {
  const arrivals: Arrival[] = [];
  const server = createServer(async (request, response) => {
    const match = CART_URL.exec(request.url ?? '');
    const header = (name: string): string => String(request.headers[name.toLowerCase()] ?? '');
    const arrival: Arrival = {
      at: performance.now(),
      method: request.method ?? '',
      customerId: match?.[1] ?? '',
      cartId: match?.[2] ?? '',
      requestId: header('MS-RequestId'),
      correlationId: header('MS-CorrelationId'),
      authorization: header('Authorization'),
      body: await readBody(request),
    };
    arrivals.push(arrival);
    const answer = await script(arrival);
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      'MS-RequestId': arrival.requestId,
      'MS-CorrelationId': arrival.correlationId,
      ...answer.headers,
    });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    arrivals,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A cart as the server returns it for `arrival`. */
export function cartFor(arrival: Arrival): Answer {
  const sent = arrival.body ? (JSON.parse(arrival.body) as Record<string, unknown>) : {};
  return { status: 200, body: { ...sent, id: arrival.cartId, status: 'Active' } };
}

export function errorAnswer(status: number, code: number | string, headers: Record<string, string> = {}): Answer {
  return { status, headers, body: { code, description: `answered ${status}`, data: [], source: 'PartnerFD' } };
}
