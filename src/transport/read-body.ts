import { PartnerCenterResponseError, type ResponseProblem } from '../errors/index.js';

/** The default of `maxResponseBytes`: a cart of a thousand lines is about 1 MB of JSON, so 4 MiB leaves room. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** A `PartnerCenterResponseError`, with the call's ids taken from `headers` (the request's or the answer's). */
export function unusableAnswer(problem: ResponseProblem, status: number, detail: string, headers: Headers): PartnerCenterResponseError {
  return new PartnerCenterResponseError({
    problem,
    status,
    detail,
    requestId: headers.get('MS-RequestId') ?? undefined,
    correlationId: headers.get('MS-CorrelationId') ?? undefined,
  });
}

/** What a response's body is refused with when it passes the cap, decompressed size counted. */
export function tooLarge(status: number, maxBytes: number, headers: Headers): PartnerCenterResponseError {
  return unusableAnswer('too-large', status, `the body passed maxResponseBytes (${maxBytes})`, headers);
}

/**
 * Reads a body whole, chunk by chunk, stopping (and cancelling the rest) as soon as it passes `maxBytes`. The
 * chunks are whatever the transport gives: for `fetch`, already decompressed, so a gzip bomb is stopped at the cap.
 */
export async function readCapped(
  nextChunk: () => Promise<Uint8Array | undefined>,
  maxBytes: number,
  refuse: () => Error,
  cancel: () => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await nextChunk(); chunk !== undefined; chunk = await nextChunk()) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      cancel();
      throw refuse();
    }
    parts.push(chunk);
  }
  // Chunks from a stream own their buffer, so the one-chunk case (a small cart) is handed on without a copy.
  if (parts.length === 1) return parts[0] as Uint8Array<ArrayBuffer>;
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return whole;
}
