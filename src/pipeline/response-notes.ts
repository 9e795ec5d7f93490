/** What a policy learned about a call, kept with the Response the call ended with. */
export interface ResponseNotes<T> {
  set(response: Response, note: T): void;
  /** The note kept with `response`, when the call went through the policy that keeps it. */
  of(response: Response): T | undefined;
}

/**
 * openapi-fetch hands the caller our Response but not the Request, so what the policies settled (the ids sent, the
 * attempts and time) travels with the Response; a WeakMap keeps it off the object and lets it go with it.
 */
export function responseNotes<T>(): ResponseNotes<T> {
  const notes = new WeakMap<Response, T>();
  return { set: (response, note) => void notes.set(response, note), of: (response) => notes.get(response) };
}
