import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  type Sampler,
  SamplingDecision,
  SimpleSpanProcessor,
  type Span,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCartClient } from '../../src/node.js';
import { CART_ID, CUSTOMER_ID, type Handler, PLAIN_SECRET, rejectionOf, SECRET, sendJson } from '../support/hostile-server.js';
import { everyRendering, serversClosedAfterEach } from '../support/outside-run.js';

/*
 * Second outside run (issues 12 and 14): OpenTelemetry with a real recording provider (BasicTracerProvider, an
 * in-memory exporter, a processor that counts every span started and ended, and a sampler the test can turn off),
 * under retries, a 401 refresh, throttling pauses, aborts, timeouts and hostile answers. Found: a token echoed in
 * MS-CV or MS-ServerId, or quoted in a failure's message, reached span attributes and status messages unscrubbed
 * (spans are written inside the pipeline, before the error is scrubbed on its way out).
 */

const exporter = new InMemorySpanExporter();
const started = new Set<Span>();
const ended = new Set<ReadableSpan>();
const counting: SpanProcessor = {
  onStart: (span) => void started.add(span),
  onEnd: (span) => void ended.add(span),
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};
let sampling = SamplingDecision.RECORD_AND_SAMPLED;
const switchableSampler: Sampler = { shouldSample: () => ({ decision: sampling }), toString: () => 'switchable' };
const provider = new BasicTracerProvider({ sampler: switchableSampler, spanProcessors: [counting, new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  trace.disable();
  trace.setGlobalTracerProvider(provider);
});
afterAll(async () => {
  trace.disable();
  await provider.shutdown();
});
afterEach(() => {
  exporter.reset();
  started.clear();
  ended.clear();
  sampling = SamplingDecision.RECORD_AND_SAMPLED;
});

const startServer = serversClosedAfterEach();
const CART = { id: CART_ID, lineItems: [] };

/** Every span recorded, as text: names, attributes, status and events. */
function spanText(): string {
  return JSON.stringify(exporter.getFinishedSpans().map((span) => [span.name, span.attributes, span.status, span.events]));
}

/** Every span that was started has ended (a span that never ends is lost to every exporter). */
function expectNoOpenSpan(): void {
  const open = [...started].filter((span) => !ended.has(span as unknown as ReadableSpan));
  expect(open.map((span) => (span as unknown as ReadableSpan).name)).toEqual([]);
}

/** Answers in order from `statuses` (then 200 with the cart), echoing the request's bearer token where told. */
function scripted(statuses: number[], headers: (token: string) => Record<string, string> = () => ({})): Handler {
  let index = 0;
  return (request, response) => {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    const status = statuses[index++] ?? 200;
    const body = status === 200 ? CART : { code: 800003, description: `failed for ${token}`, data: [], source: 'PartnerFD' };
    sendJson(response, status, body, headers(token));
  };
}

describe('spans with a real recording provider', () => {
  it('retries: one INTERNAL call span, one CLIENT span per attempt as its child, resend counts, all ended', async () => {
    const server = await startServer(scripted([503, 503]));
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, retry: { baseDelayMs: 1 } });
    await client.getCart(CUSTOMER_ID, CART_ID);
    const spans = exporter.getFinishedSpans();
    const call = spans.find((span) => span.kind === 0);
    const attempts = spans.filter((span) => span.kind === 2);
    expect(call?.name).toBe('GET /v1/customers/{customer-id}/carts/{cart-id}');
    expect(call?.attributes['partner_center.attempts']).toBe(3);
    expect(attempts.map((span) => span.attributes['http.request.resend_count'])).toEqual([undefined, 1, 2]);
    expect(attempts.map((span) => span.attributes['http.response.status_code'])).toEqual([503, 503, 200]);
    for (const attempt of attempts) expect(attempt.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    expect(spanText()).not.toContain(PLAIN_SECRET);
    expectNoOpenSpan();
  });

  it('a 401 refresh: two CLIENT spans under one call span, the second a resend', async () => {
    const server = await startServer(scripted([401]));
    const client = createCartClient({ credential: async () => PLAIN_SECRET, baseUrl: server.url });
    await client.getCart(CUSTOMER_ID, CART_ID);
    const attempts = exporter.getFinishedSpans().filter((span) => span.kind === 2);
    expect(attempts.map((span) => span.attributes['http.response.status_code'])).toEqual([401, 200]);
    expect(attempts[1]?.attributes['http.request.resend_count']).toBe(1);
    expect(spanText()).not.toContain(PLAIN_SECRET);
    expectNoOpenSpan();
  });

  it('a token echoed in MS-CV and MS-ServerId does not reach span attributes', async () => {
    const echo = (token: string): Record<string, string> => ({ 'MS-CV': `cv.${token}.1`, 'MS-ServerId': `server ${token}` });
    for (const credential of [PLAIN_SECRET, SECRET]) {
      const server = await startServer(scripted([401, 401], echo));
      const client = createCartClient({ credential: async () => credential, baseUrl: server.url, validateResponses: 'off' });
      await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
      const ok = await startServer(scripted([], echo));
      await createCartClient({ credential, baseUrl: ok.url, validateResponses: 'off' }).getCart(CUSTOMER_ID, CART_ID);
      expect(exporter.getFinishedSpans().some((span) => span.attributes['partner_center.cv'] !== undefined)).toBe(true);
      expect(spanText()).not.toContain(credential);
      expectNoOpenSpan();
    }
  });

  it('a failure whose message quotes the token does not reach a span status', async () => {
    for (const credential of [PLAIN_SECRET, SECRET]) {
      exporter.reset();
      const client = createCartClient({
        credential: async () => credential,
        baseUrl: 'http://127.0.0.1:9',
        retry: { maxRetries: 1, baseDelayMs: 1 },
        fetch: async (_input, init) => {
          throw new TypeError(`proxy refused ${new Headers(init?.headers).get('authorization')}`);
        },
      });
      const error = await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID));
      expect(everyRendering(error)).not.toContain(credential); // the rejection is scrubbed (held before)
      const spans = exporter.getFinishedSpans();
      expect(spans.filter((span) => span.status.code === 2)).toHaveLength(3);
      expect(spanText()).not.toContain(credential);
      expectNoOpenSpan();
    }
  });

  it('an abort during a retry wait, an attempt timeout and a provider that never settles each end every span', async () => {
    const stall = await startServer(() => undefined); // never answers
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: stall.url, retry: false, timeouts: { attemptMs: 50 } });
    expect(await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'timeout', scope: 'attempt' });

    const busy = await startServer(scripted([503, 503, 503]));
    const controller = new AbortController();
    const waiting = createCartClient({
      credential: PLAIN_SECRET,
      baseUrl: busy.url,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, maxElapsedMs: 600_000 },
      hooks: { retry: () => controller.abort(new Error('caller gave up')) },
    });
    expect(await rejectionOf(waiting.getCart(CUSTOMER_ID, CART_ID, { signal: controller.signal }))).toMatchObject({
      message: 'caller gave up',
    });

    const hanging = createCartClient({
      credential: () => new Promise<string>(() => undefined),
      baseUrl: busy.url,
      timeouts: { overallMs: 50 },
    });
    expect(await rejectionOf(hanging.getCart(CUSTOMER_ID, CART_ID))).toMatchObject({ kind: 'timeout' });

    const types = exporter.getFinishedSpans().map((span) => [span.kind, span.attributes['error.type']]);
    expect(types).toContainEqual([2, 'PartnerCenterTimeoutError']);
    expect(types).toContainEqual([0, 'Error']);
    expectNoOpenSpan();
  });

  it('a call held by a throttling pause and aborted there gets a call span and no attempt span', async () => {
    const server = await startServer(scripted([429], () => ({ 'Retry-After': '3600' })));
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, retry: false });
    await rejectionOf(client.getCart(CUSTOMER_ID, CART_ID)); // 429 pauses the customer for the maxPauseMs (60 s)
    exporter.reset();
    const controller = new AbortController();
    const held = client.getCart(CUSTOMER_ID, CART_ID, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop waiting')), 20);
    expect(await rejectionOf(held)).toMatchObject({ message: 'stop waiting' });
    expect(exporter.getFinishedSpans().map((span) => span.kind)).toEqual([0]);
    expect(server.requests).toHaveLength(1);
    expectNoOpenSpan();
  });

  it('client.raw to another path gets a span named by the method alone; tracing: false and an off sampler record nothing', async () => {
    const server = await startServer((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url });
    await client.raw.GET('/v1/customers/{customer-id}' as never, { params: { path: { 'customer-id': CUSTOMER_ID } } } as never);
    const names = exporter.getFinishedSpans().map((span) => [span.name, span.attributes['url.template']]);
    expect(names).toEqual([
      ['GET', undefined],
      ['GET', undefined],
    ]);
    exporter.reset();
    started.clear();
    await createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, tracing: false }).raw.GET('/v1/x' as never);
    expect(started.size).toBe(0);
    sampling = SamplingDecision.NOT_RECORD;
    await createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url }).raw.GET('/v1/x' as never);
    expect(exporter.getFinishedSpans()).toEqual([]);
    expectNoOpenSpan();
  });

  it('modifyCart with a deviating answer and 20 concurrent calls leave no span open', async () => {
    const server = await startServer((request, response) =>
      sendJson(response, 200, request.method === 'GET' ? { ...CART, unexpected: { deep: true }, lineItems: 'not a list' } : CART),
    );
    const client = createCartClient({ credential: PLAIN_SECRET, baseUrl: server.url, onResponseDeviation: () => undefined });
    await Promise.allSettled([
      ...Array.from({ length: 20 }, () => client.getCart(CUSTOMER_ID, CART_ID)),
      client.modifyCart(CUSTOMER_ID, CART_ID, () => undefined),
    ]);
    expect(started.size).toBeGreaterThanOrEqual(40);
    expectNoOpenSpan();
  });
});
