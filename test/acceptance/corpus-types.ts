/** Where a body of the corpus comes from: a public repository and the file whose serializer, model or example shaped it. */
export interface CorpusSource {
  repository: string;
  path: string;
  /** What in that file decides the body's shape (casing, nulls, enum spelling, date format). */
  shows: string;
}

/** A PUT body Partner Center accepts, as one of Microsoft's own clients or docs send it. */
export interface AcceptedBody {
  name: string;
  source: CorpusSource;
  body: Record<string, unknown>;
  /** Whether the strict check (what this package's client sends) also accepts it; it refuses every non-canonical body. */
  strict: 'accepts' | 'refuses';
  /** Line 0 of the cart as the fake must store it: canonical names and values. */
  expectedFirstLine: Record<string, unknown>;
}

/** A PUT body Partner Center refuses, with the violation the acceptance function must report first. */
export interface RefusedBody {
  name: string;
  source: CorpusSource;
  body: unknown;
  path: string;
  rule: string;
}
