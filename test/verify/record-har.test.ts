import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHar } from '../../src/record/index.js';

// The recorder around a real loopback server that echoes what it got, so redaction is checked on real exchanges.
let baseUrl: string;
const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    response.setHeader('Content-Type', 'application/json');
    response.setHeader('Set-Cookie', 'session=cookie-secret-123');
    response.setHeader('X-Api-Key', 'echoed-api-key-123');
    response.end(JSON.stringify({ received: body === '' ? null : JSON.parse(body), refresh_token: 'refresh-secret-123', code: 800008 }));
  });
});

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

describe('recordHar', () => {
  it('writes HAR 1.2 entries with credentials and configured names redacted, and leaves the response readable', async () => {
    const recorder = recordHar((input, init) => fetch(input, init), { redact: ['x-api-key', 'partnerSecret'] });
    const response = await recorder.fetch(`${baseUrl}/v1/x?access_token=query-secret-123&code=oauth-code-123&keep=1`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer bearer-secret-123', 'X-Api-Key': 'api-key-123', 'Content-Type': 'application/json' },
      body: JSON.stringify({ lineItems: [], nested: { partnerSecret: 'configured-secret-123' } }),
    });
    expect(await response.json()).toMatchObject({ code: 800008 });
    const har = recorder.har();
    const text = JSON.stringify(har);
    for (const secret of [
      'bearer-secret-123',
      'api-key-123',
      'query-secret-123',
      'oauth-code-123',
      'configured-secret-123',
      'cookie-secret-123',
      'refresh-secret-123',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(har.log.version).toBe('1.2');
    const [entry] = har.log.entries;
    expect(entry?.request.method).toBe('PUT');
    expect(entry?.request.url).toContain('keep=1');
    expect(entry?.request.headers).toContainEqual({ name: 'authorization', value: '[redacted]' });
    expect(entry?.response.status).toBe(200);
    // The Partner Center error code is not a credential, only `code` in a query string is.
    expect(JSON.parse(entry?.response.content.text ?? '{}')).toMatchObject({ code: 800008, refresh_token: '[redacted]' });
    recorder.clear();
    expect(recorder.har().log.entries).toEqual([]);
  });
});
