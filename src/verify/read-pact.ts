import { isObject, type JsonObject } from './json-object.js';
import { headerMap, preferredExample, UnusableTrafficError } from './traffic.js';
import type { RecordedBody, RecordedExchange, TrafficFile } from './traffic.js';

/*
 * Pact files, specification v2, v3 and v4 (HTTP interactions). The versions differ in where things live: v2 has the
 * query as a string and bodies as JSON values, v3 the query as a map of lists, v4 typed interactions whose bodies are
 * `{ content, contentType, encoded }`. Message and plugin interactions of v4 are not HTTP and are skipped with a note.
 */

/** `2`, `3` or `4` from `metadata.pactSpecification.version` (v3+) or `metadata['pact-specification']` (v2). */
export function pactVersion(document: JsonObject): string {
  const metadata = isObject(document.metadata) ? document.metadata : {};
  const spec = metadata.pactSpecification ?? metadata['pact-specification'] ?? metadata.pactSpecificationVersion;
  const version = isObject(spec) ? spec.version : spec;
  return typeof version === 'string' ? (version.split('.')[0] ?? '2') : '2';
}

function headerPairs(headers: unknown): Array<[string, string]> {
  if (!isObject(headers)) return [];
  return Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.map(String).join(', ') : String(value)]);
}

function bodyOf(part: JsonObject, contentType: string | undefined): RecordedBody {
  if (!('body' in part) || part.body === undefined || part.body === null) return { present: false };
  const body = part.body;
  // v4: { content, contentType, encoded }
  if (isObject(body) && 'content' in body && ('contentType' in body || 'encoded' in body)) {
    const { content, encoded } = body;
    if (typeof content === 'string') {
      const base64 = encoded === 'base64' || encoded === true;
      return { present: true, text: base64 ? Buffer.from(content, 'base64').toString('utf8') : content };
    }
    return { present: true, text: JSON.stringify(content) };
  }
  // v2/v3: JSON values as they are; a string body is JSON text only when the content type says it is not JSON.
  if (typeof body === 'string' && !(contentType !== undefined && /json/i.test(contentType))) return { present: true, text: body };
  return { present: true, text: JSON.stringify(body) };
}

function queryOf(query: unknown): string {
  if (typeof query === 'string') return query;
  if (!isObject(query)) return '';
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(query))
    for (const value of Array.isArray(values) ? values : [values]) params.append(name, String(value));
  return params.toString();
}

function pathOf(raw: unknown): string {
  const path = String(raw ?? '/');
  // Relative paths are the norm; an absolute URL is accepted too.
  try {
    return new URL(path).pathname;
  } catch {
    return path.split('?')[0] ?? path;
  }
}

function scenarioHints(interaction: JsonObject, requestHeaders: ReadonlyMap<string, string>): string[] {
  const hints = [...preferredExample(requestHeaders)];
  if (typeof interaction.description === 'string') hints.push(interaction.description);
  if (typeof interaction.providerState === 'string') hints.push(interaction.providerState);
  if (Array.isArray(interaction.providerStates)) {
    for (const state of interaction.providerStates) if (isObject(state) && typeof state.name === 'string') hints.push(state.name);
  }
  return hints;
}

function exchangeOf(interaction: JsonObject, index: number, file: string): RecordedExchange {
  const { request, response } = interaction;
  if (!isObject(request) || !isObject(response)) {
    throw new UnusableTrafficError(`${file}: interaction ${index} has no request or response; regenerate the Pact file`);
  }
  const requestHeaders = headerMap(headerPairs(request.headers));
  const responseHeaders = headerMap(headerPairs(response.headers));
  return {
    index,
    method: String(request.method ?? 'GET').toUpperCase(),
    path: pathOf(request.path),
    query: queryOf(request.query),
    requestHeaders,
    requestBody: bodyOf(request, requestHeaders.get('content-type')),
    status: Number(response.status ?? 200),
    responseHeaders,
    responseBody: bodyOf(response, responseHeaders.get('content-type')),
    scenarioHints: scenarioHints(interaction, requestHeaders),
  };
}

/** The HTTP interactions of a parsed Pact document. */
export function readPact(document: JsonObject, file: string): TrafficFile {
  const interactions = document.interactions as unknown[];
  if (interactions.length === 0)
    throw new UnusableTrafficError(`${file}: the Pact file has no interactions; run the consumer tests that write it`);
  const version = pactVersion(document);
  const exchanges: RecordedExchange[] = [];
  const skipped: string[] = [];
  interactions.forEach((interaction, index) => {
    if (!isObject(interaction)) throw new UnusableTrafficError(`${file}: interaction ${index} is not an object; regenerate the Pact file`);
    if (typeof interaction.type === 'string' && interaction.type !== 'Synchronous/HTTP') {
      skipped.push(`interaction ${index} is a ${interaction.type} interaction, not HTTP: skipped`);
      return;
    }
    exchanges.push(exchangeOf(interaction, index, file));
  });
  if (exchanges.length === 0) throw new UnusableTrafficError(`${file}: the Pact file has no HTTP interactions to verify`);
  return { file, kind: 'pact', format: `Pact v${version}`, unit: 'interaction', exchanges, skipped };
}
