import { once } from 'node:events';
import { Agent, createServer, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptCartUpdateAsService } from '../validation/service-acceptance.js';

/*
 * Prism judges request bodies by the spec's schema, which states the one canonical form; Partner Center reads bodies
 * more leniently (the spec's `x-service-acceptance` rules). This front stands before Prism and rewrites each PUT body
 * the way the service reads it (the package's service-acceptance function) before Prism sees it, so the mock accepts
 * what the service accepts, PascalCase .NET and PowerShell bodies included, and still refuses what the service
 * refuses: Prism judges the rewritten body and answers as before. Everything else passes through untouched.
 */

/** Bodies above this size are refused rather than buffered (a cart is a few kilobytes). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ServiceFrontOptions {
  /** Base URL of the mock behind the front, e.g. Prism's `http://127.0.0.1:43123`. */
  upstream: string;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default: a free port chosen by the operating system. */
  port?: number;
}

export interface RunningServiceFront {
  url: string;
  port: number;
  /** Stops listening and closes every connection, to clients and upstream. Safe to call twice. */
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The body as the service reads it, when it is a PUT with a JSON body; otherwise the body as sent. Undefined when
 * it cannot be read at all (nested so deep that reading it overflows the stack).
 */
function asServiceReadsIt(method: string | undefined, body: Buffer): Buffer | undefined {
  if (method !== 'PUT' || body.length === 0) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return body; // not JSON: Prism says so itself
  }
  try {
    return Buffer.from(JSON.stringify(acceptCartUpdateAsService(parsed).cart));
  } catch {
    return undefined;
  }
}

function sendError(response: ServerResponse, status: number, description: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ code: status, description, data: [], source: 'partner-center-cart-mock' }));
}

export async function startServiceFront(options: ServiceFrontOptions): Promise<RunningServiceFront> {
  const upstream = new URL(options.upstream);
  const agent = new Agent({ keepAlive: true });

  const server = createServer((request, response) => {
    // Nothing a client sends may end the process: a failure no branch below expected closes this exchange only.
    forward(request, response).catch(() => response.destroy());
  });

  async function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only a path is forwarded, and always to the upstream: resolved as a URL, `//host/x` or `http://host/x` (a
    // proxy-style target) would send the request, its token included, to whatever host it names.
    const target = request.url ?? '/';
    if (!target.startsWith('/')) return sendError(response, 400, 'The request target must be a path such as /v1/customers/...');
    let body: Buffer | undefined;
    try {
      body = await readBody(request);
    } catch {
      // The client went away mid-body (a reset): there is nobody to answer, and a rejection here would end the process.
      response.destroy();
      return;
    }
    if (body === undefined) return sendError(response, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    const forwarded = asServiceReadsIt(request.method, body);
    if (forwarded === undefined) return sendError(response, 400, 'The request body is nested too deeply to read.');
    const headers = { ...request.headers, host: upstream.host, 'content-length': String(forwarded.length) };
    delete headers['transfer-encoding'];
    const upstreamRequest = httpRequest(new URL(`${upstream.origin}${target}`), { method: request.method, headers, agent }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstreamRequest.on('error', (error) => {
      if (!response.headersSent) sendError(response, 502, `The mock behind this front did not answer: ${error.message}.`);
      else response.destroy(error);
    });
    upstreamRequest.end(forwarded);
  }

  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error))]);
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      agent.destroy();
    });
    return stopped;
  };
  return { url, port, stop };
}
