/** One way a recorded exchange breaks the contract. */
export interface Finding {
  /** 0-based position of the exchange in its file. */
  readonly index: number;
  readonly where: 'request' | 'response';
  /** What part of the message: the operation itself, a path parameter, the status, a header or the body. */
  readonly part: 'operation' | 'path' | 'status' | 'header' | 'body';
  /** The JSON path in the body (`lineItems[0].quantity`), the header or parameter name, or ``. */
  readonly path: string;
  /** The schema keyword or contract rule: `type`, `required`, `undeclared-status`, `undeclared-operation`... */
  readonly rule: string;
  /** A sentence saying what the contract expects and what was found. */
  readonly message: string;
  /** The offending value as JSON, `nothing` when missing; secrets are scrubbed before anything is printed. */
  readonly value: string;
  /** Errors fail the run; warnings are printed and do not change the exit code. */
  readonly severity: 'error' | 'warning';
}

/** The verdict on one exchange. */
export interface ExchangeVerdict {
  readonly index: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The operation it matched, if any. */
  readonly operationId: string | undefined;
  readonly pathTemplate: string | undefined;
  /** The declared status it fell under (`200`, `4XX`), if any. */
  readonly declaredStatus: string | undefined;
  readonly scenarios: readonly string[];
  readonly findings: readonly Finding[];
}

/** A value as it appears in a message: JSON, shortened. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** `lineItems[0].quantity` -> `/lineItems/0/quantity` (RFC 6901), for tools that address JSON by pointer. */
export function jsonPointerOf(path: string): string {
  let pointer = '';
  for (const match of path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/g)) {
    const part = match[1] ?? (match[2] === undefined ? match[3] : (JSON.parse(match[2]) as string)) ?? '';
    pointer += `/${part.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return pointer;
}
