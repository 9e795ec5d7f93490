export const DEFAULT_BASE_URL = 'https://api.partnercenter.microsoft.com';

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The one rule for where a request may go, applied to the base URL at creation, to every request (a `client.raw`
 * call may bring its own `baseUrl`) and to every redirect: https, or plain http to this machine only (tests,
 * mocks), since every call carries a token; and no `user:password@`, which would end up in error messages.
 * Undefined when `url` may be called, else why not.
 */
export function destinationProblem(url: URL): string | undefined {
  if (url.username !== '' || url.password !== '') return 'user:password@ would leak into logs';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return undefined;
  return 'calls carry a token, so https only (plain http to 127.0.0.0/8, ::1 or localhost)';
}

/** The base URL to call, after the destination rule; its query or fragment would swallow the cart path, so both are refused. */
export function checkBaseUrl(baseUrl: string): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  const problem = !url
    ? 'it is not an absolute URL'
    : (destinationProblem(url) ?? (/[?#]/.test(baseUrl) ? 'a query or fragment would swallow the path' : undefined));
  if (problem) {
    throw new TypeError(
      `baseUrl ${url?.origin ?? ''} is refused: ${problem}. Pass only the scheme, host and port, such as ${DEFAULT_BASE_URL}`,
    );
  }
  return baseUrl;
}
