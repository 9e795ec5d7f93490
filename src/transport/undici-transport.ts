import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Agent, request } from 'undici';
import type { Exchange, SendNext } from '../pipeline/pipeline.js';
import { BufferedResponse } from './buffered-response.js';
import { readCapped, tooLarge } from './read-body.js';

/*
 * The Node transport: undici's dispatcher API, which skips the WHATWG fetch layer (no Request, no body streams, no
 * header guards) and answered several times as many PUTs per second as `fetch` in bench/. It asks for no
 * compression; a server that compresses anyway is inflated here with the same `maxResponseBytes` cap on the
 * inflated size. It follows no redirect (the redirect policy decides), and its deadlines are the pipeline's signal.
 */

const INFLATE: Readonly<Record<string, (input: Uint8Array, options: { maxOutputLength: number }) => Uint8Array>> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/** Statuses whose Response may not have a body. */
function isNullBodyStatus(status: number): boolean {
  return status === 101 || status === 204 || status === 205 || status === 304;
}

function ignore(): void {}

/** One keep-alive pool for every client of this process, made at first use: many clients do not multiply sockets. */
let sharedDispatcher: Agent | undefined;

export function createUndiciTransport(maxBytes: number): SendNext {
  return async (exchange) => {
    sharedDispatcher ??= new Agent({ keepAliveTimeout: 10_000, connections: 64 });
    const dispatcher = sharedDispatcher;
    const answer = await request(exchange.url, {
      method: exchange.method as 'GET',
      headers: headersOf(exchange),
      body: exchange.body,
      signal: exchange.signal,
      dispatcher,
    });
    // Destroying a body that was not read emits 'error' (aborted); with no listener Node would end the process. The
    // reading below still sees every error through its iterator.
    answer.body.on('error', ignore);
    const headers = toHeaders(answer.headers);
    if (isNullBodyStatus(answer.statusCode)) {
      answer.body.destroy();
      return new Response(null, { status: answer.statusCode, headers });
    }
    const iterator = answer.body[Symbol.asyncIterator]();
    let bytes = await readCapped(
      async () => {
        const { done, value } = await iterator.next();
        return done ? undefined : (value as Uint8Array);
      },
      maxBytes,
      () => tooLarge(answer.statusCode, maxBytes, exchange.headers),
      () => answer.body.destroy(),
    );
    const encoding = headers.get('Content-Encoding')?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') {
      bytes = inflate(encoding, bytes, maxBytes, () => tooLarge(answer.statusCode, maxBytes, exchange.headers));
      headers.delete('Content-Encoding');
      headers.delete('Content-Length');
    }
    return new BufferedResponse(bytes, { status: answer.statusCode, headers });
  };
}

function headersOf(exchange: Exchange): Record<string, string> {
  const flat: Record<string, string> = {};
  exchange.headers.forEach((value, name) => {
    flat[name] = value;
  });
  return flat;
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (typeof value === 'string') headers.append(name, value);
    else if (value) for (const each of value) headers.append(name, each);
  }
  return headers;
}

/** An unknown encoding, or a body that does not inflate, is left as it came: the success-body check refuses it as not JSON. */
function inflate(encoding: string, bytes: Uint8Array<ArrayBuffer>, maxBytes: number, refuse: () => Error): Uint8Array<ArrayBuffer> {
  const decode = INFLATE[encoding];
  if (!decode) return bytes;
  try {
    return new Uint8Array(decode(bytes, { maxOutputLength: maxBytes }));
  } catch (error) {
    if (error instanceof RangeError) throw refuse();
    return bytes;
  }
}
