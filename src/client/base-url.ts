export const DEFAULT_BASE_URL = 'https://api.partnercenter.microsoft.com';

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The base URL to call; plain HTTP is only allowed to this machine (tests, mocks), since every call carries a token. */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL; use ${DEFAULT_BASE_URL} or leave it out`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return baseUrl;
  throw new TypeError(
    `baseUrl ${url.origin} is refused: calls carry an access token, so they must use https (plain http only to 127.0.0.0/8, ::1 or localhost)`,
  );
}
