import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CartClientHooks, type CartUpdate, createCartClient, ERROR_CATALOGUE, PartnerCenterApiError } from '../../src/index.js';
import { updateBody } from '../support/cart-fixtures.js';
import { cartFor, errorAnswer, type PartnerCenterServer, startPartnerCenterServer } from '../support/partner-center-server.js';

/* Response metadata, per-call overrides, hooks, the logger, spans and the error catalogue, over real HTTP. */

const TOKEN = 'secret-token-that-must-never-leak';
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
});
afterAll(async () => {
  trace.disable();
  await provider.shutdown();
});

let server: PartnerCenterServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  exporter.reset();
});

/** A server that answers 503 to the first attempt of every call, then the cart with MS-CV and MS-ServerId. */
async function flakyServer(): Promise<PartnerCenterServer> {
  const seen = new Set<string>();
  server = await startPartnerCenterServer((arrival) => {
    if (!seen.has(arrival.requestId)) {
      seen.add(arrival.requestId);
      return errorAnswer(503, 800003, { 'Retry-After': '0' });
    }
    return { ...cartFor(arrival), headers: { 'MS-CV': 'cv.1.2', 'MS-ServerId': 'server-7' } };
  });
  return server;
}

describe('what happened on a call', () => {
  it('withResponse gives status, ids, MS-CV, MS-ServerId, attempts and time', async () => {
    const { baseUrl, arrivals } = await flakyServer();
    const client = createCartClient({ credential: TOKEN, baseUrl });
    const { cart, response } = await client.withResponse.updateCart(randomUUID(), randomUUID(), updateBody(3) as CartUpdate);
    expect(cart.lineItems?.[0]?.quantity).toBe(3);
    expect(response).toMatchObject({ status: 200, cv: 'cv.1.2', serverId: 'server-7', attempts: 2, requestId: arrivals[0]?.requestId });
    expect(response.correlationId).toBe(arrivals[0]?.correlationId);
    expect(response.durationMs).toBeGreaterThan(0);
  });

  it('per-call retry and timeout settings override the client’s', async () => {
    const { baseUrl, arrivals } = await flakyServer();
    const client = createCartClient({ credential: TOKEN, baseUrl });
    await expect(client.getCart(randomUUID(), randomUUID(), { retry: false })).rejects.toMatchObject({ status: 503 });
    expect(arrivals).toHaveLength(1);
    await expect(client.getCart(randomUUID(), randomUUID(), { timeouts: { overallMs: 0 } })).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('hooks, logger and spans', () => {
  it('reports request, response, retry and error, logs with ids, and never shows the token', async () => {
    const { baseUrl, arrivals } = await flakyServer();
    const events: string[] = [];
    const lines: string[] = [];
    const hooks: CartClientHooks = {
      request: (event) => events.push(`request ${event.attempt}`),
      response: (event) => events.push(`response ${event.attempt} ${event.status}`),
      retry: (event) => events.push(`retry ${event.reason} ${event.status} ${event.waitMs}`),
      error: (event) => events.push(`error ${(event.error as PartnerCenterApiError).status}`),
    };
    const log = (level: string) => (line: string) => lines.push(`${level} ${line}`);
    const logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
    const client = createCartClient({ credential: TOKEN, baseUrl, hooks, logger, logLevel: 'debug' });
    await client.getCart(randomUUID(), randomUUID());
    expect(events).toEqual(['request 1', 'response 1 503', 'retry status 503 0', 'request 2', 'response 2 200']);
    await client.getCart(randomUUID(), randomUUID(), { retry: false }).catch(() => undefined);
    expect(events.at(-1)).toBe('error 503');

    const requestId = arrivals[0]?.requestId ?? 'none';
    expect(lines.some((line) => line.startsWith('warn') && line.includes(requestId) && line.includes('retrying in 0 ms'))).toBe(true);
    expect(lines.some((line) => line.startsWith('error') && line.includes('failed after 1 attempt'))).toBe(true);
    for (const line of lines) expect(line).toMatch(/requestId=[0-9a-f-]{36}, correlationId=[0-9a-f-]{36}/);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('one span per call and one per attempt, with HTTP conventions, the ids as sent and the error code', async () => {
    const { baseUrl, arrivals } = await flakyServer();
    const client = createCartClient({ credential: TOKEN, baseUrl });
    await client.getCart(randomUUID(), randomUUID());
    await client.getCart(randomUUID(), randomUUID(), { retry: false }).catch(() => undefined);
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(5);
    const [attempt1, attempt2, call] = spans;
    expect(call?.name).toBe('GET /v1/customers/{customer-id}/carts/{cart-id}');
    expect(call?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.template': '/v1/customers/{customer-id}/carts/{cart-id}',
      'http.response.status_code': 200,
      'partner_center.request_id': arrivals[0]?.requestId,
      'partner_center.attempts': 2,
    });
    expect(attempt1?.attributes).toMatchObject({ 'http.response.status_code': 503, 'error.type': '503' });
    expect(attempt2?.attributes).toMatchObject({ 'http.request.resend_count': 1, 'partner_center.cv': 'cv.1.2' });
    for (const attempt of [attempt1, attempt2]) expect(attempt?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    const failed = spans[4];
    expect(failed?.attributes).toMatchObject({ 'error.type': '503', 'partner_center.error_code': 800003 });
    expect(JSON.stringify(spans.map((span) => [span.name, span.attributes, span.status, span.events]))).not.toContain(TOKEN);
  });
});

describe('the error-code catalogue', () => {
  it('gives the numeric code and its entry even when the code comes as a string', async () => {
    server = await startPartnerCenterServer(() => errorAnswer(404, '800008'));
    const client = createCartClient({ credential: TOKEN, baseUrl: server.baseUrl, tracing: false });
    const error = await client.getCart(randomUUID(), randomUUID()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartnerCenterApiError);
    expect(error).toMatchObject({ code: '800008', errorCode: 800008, codeInfo: { name: 'CartNotFound', retryable: false, status: 404 } });
  });

  it('does not retry a retryable status whose code can never succeed, and retries one that can', async () => {
    const codes: number[] = [];
    server = await startPartnerCenterServer(() => errorAnswer(503, codes.at(-1) ?? 0, { 'Retry-After': '0' }));
    const client = createCartClient({ credential: TOKEN, baseUrl: server.baseUrl, tracing: false, retry: { maxRetries: 2 } });
    codes.push(800008);
    await expect(client.getCart(randomUUID(), randomUUID())).rejects.toMatchObject({ status: 503 });
    expect(server.arrivals).toHaveLength(1);
    codes.push(800003);
    await expect(client.getCart(randomUUID(), randomUUID())).rejects.toMatchObject({ status: 503 });
    expect(server.arrivals).toHaveLength(4);
  });

  it('lists every code the spec’s prose names, with a meaning and a next step', async () => {
    const { readFileSync } = await import('node:fs');
    const spec = JSON.parse(readFileSync('generated/openapi.json', 'utf8')) as {
      components: { schemas: { PartnerCenterError: { properties: { code: { description: string } } } } };
    };
    const prose = spec.components.schemas.PartnerCenterError.properties.code.description;
    const named = [...prose.matchAll(/\b(\d{3,6})\b(?=[^\]]*?(?:\[|,))/g)].map((match) => Number(match[1])).filter((code) => code >= 400);
    for (const code of new Set(named)) expect(ERROR_CATALOGUE.get(code), `code ${code}`).toBeDefined();
    for (const info of ERROR_CATALOGUE.values()) expect(info.meaning && info.action).toBeTruthy();
  });
});
