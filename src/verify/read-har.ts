import { isObject, type JsonObject } from './json-object.js';
import { headerMap, preferredExample, UnusableTrafficError } from './traffic.js';
import type { RecordedBody, RecordedExchange, TrafficFile } from './traffic.js';

/*
 * HAR 1.2 as browsers, mitmproxy, Playwright and this package's recorder write it. Only `log.entries[].request` and
 * `.response` matter; bodies may be base64 (`content.encoding`), and a response body may be missing when the tool
 * did not keep it.
 */

function pairs(list: unknown): Array<[string, string]> {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((pair) => [String(pair.name ?? ''), String(pair.value ?? '')]);
}

function requestBody(request: JsonObject): RecordedBody {
  const postData = request.postData;
  if (!isObject(postData) || typeof postData.text !== 'string') return { present: false };
  return { present: true, text: postData.text };
}

function responseBody(response: JsonObject): RecordedBody {
  const content = response.content;
  if (!isObject(content)) return { present: false };
  // No text with a size of 0 is an empty body; with another size the tool did not keep the body.
  if (typeof content.text !== 'string') return content.size === 0 ? { present: true, text: '' } : { present: false };
  const text = content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
  return { present: true, text };
}

function exchangeOf(entry: unknown, index: number, file: string): RecordedExchange {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) {
    throw new UnusableTrafficError(
      `${file}: entry ${index} has no request or response; export the HAR again from the tool that recorded it`,
    );
  }
  const { request, response } = entry;
  let url: URL;
  try {
    url = new URL(String(request.url ?? ''));
  } catch {
    throw new UnusableTrafficError(`${file}: entry ${index} has no absolute request URL; HAR 1.2 entries must carry one`);
  }
  const requestHeaders = headerMap(pairs(request.headers));
  return {
    index,
    method: String(request.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    requestHeaders,
    requestBody: requestBody(request),
    status: Number(response.status ?? 0),
    responseHeaders: headerMap(pairs(response.headers)),
    responseBody: responseBody(response),
    scenarioHints: preferredExample(requestHeaders),
  };
}

/** The exchanges of a parsed HAR document (`{ log: { entries } }`). */
export function readHar(document: JsonObject, file: string): TrafficFile {
  const log = document.log as JsonObject;
  const entries = log.entries as unknown[];
  if (entries.length === 0) throw new UnusableTrafficError(`${file}: the HAR has no entries; record some traffic first`);
  return {
    file,
    kind: 'har',
    format: `HAR ${String(log.version ?? '1.2')}`,
    unit: 'entry',
    exchanges: entries.map((entry, index) => exchangeOf(entry, index, file)),
    skipped: [],
  };
}
