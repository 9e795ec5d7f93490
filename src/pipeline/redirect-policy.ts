import { destinationProblem } from '../client/base-url.js';
import { PartnerCenterResponseError } from '../errors/index.js';
import type { Exchange, Policy } from './pipeline.js';

/** Redirects followed per attempt before giving up, as browsers cap them (they use 20). */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Follows a redirect only to the same origin (scheme, host and port), where the token and the body were going
 * anyway; a redirect anywhere else is refused with a `PartnerCenterResponseError` and nothing more is sent, since
 * following it would hand the token and the cart to another server, possibly over plain http. A 303 turns the call
 * into a GET without body, as fetch does. The transports below never follow redirects themselves.
 */
export function redirectPolicy(): Policy {
  return {
    name: 'redirectPolicy',
    async send(exchange, next) {
      let current: Exchange = exchange;
      for (let hop = 0; ; hop += 1) {
        const response = await next(current);
        const location = response.headers.get('Location');
        if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
        const from = new URL(current.url);
        let to: URL | undefined;
        try {
          to = new URL(location, from);
        } catch {
          to = undefined;
        }
        const problem =
          to === undefined
            ? 'its Location is not a URL'
            : to.origin !== from.origin
              ? `it points at another origin (${to.protocol}//${to.host})`
              : hop >= MAX_REDIRECTS
                ? `more than ${MAX_REDIRECTS} redirects in a row`
                : destinationProblem(to);
        if (problem !== undefined || to === undefined) throw refused(response, current, problem ?? 'unreadable Location');
        const toGet = response.status === 303 && current.method !== 'HEAD';
        current = { ...current, url: to.href, method: toGet ? 'GET' : current.method, body: toGet ? undefined : current.body };
      }
    },
  };
}

function refused(response: Response, exchange: Exchange, problem: string): PartnerCenterResponseError {
  void response.body?.cancel().catch(() => undefined);
  return new PartnerCenterResponseError({
    problem: 'redirect',
    status: response.status,
    detail: `a redirect was not followed because ${problem}`,
    requestId: exchange.headers.get('MS-RequestId') ?? undefined,
    correlationId: exchange.headers.get('MS-CorrelationId') ?? undefined,
  });
}
