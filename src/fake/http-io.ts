import type { IncomingMessage, ServerResponse } from 'node:http';

/** Partner Center answers JSON with this exact content type. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The body was bigger than the fake accepts; nothing of it is kept. */
export class BodyTooLargeError extends Error {}

/**
 * Reads the whole request body as text, refusing it as soon as it exceeds `maxBytes`: a declared
 * Content-Length over the limit is refused before a byte is kept, and a chunked body at the chunk that
 * crosses the limit, so an oversized body never sits in memory whole. The rest of a refused body is read and
 * thrown away rather than the connection torn down, so the client still receives the answer; answer a refused
 * body with `Connection: close`.
 */
export function readBodyText(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(request.headers['content-length'] ?? 0);
    let refused = false;
    const refuse = (): void => {
      refused = true;
      chunks.length = 0;
      reject(
        new BodyTooLargeError(
          `The request body is larger than the ${maxBytes} bytes this service accepts; send a smaller cart (fewer or shorter line items).`,
        ),
      );
    };
    if (Number.isFinite(size) && size > maxBytes) refuse();
    size = 0;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) refuse();
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
    request.on('close', () => {
      if (!request.complete) reject(new Error('The client closed the connection before it had sent the whole body.'));
    });
  });
}

export function sendBody(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
