import type { DriverResponse } from './cart-driver.js';

/**
 * What Prism's validation proxy (`prism proxy --errors`) found wrong with one exchange: the violations of
 * its 500/422 problem+json (errors), plus those of its `sl-violations` header (it reports some problems,
 * such as an undeclared error status, only there, as warnings). Empty means the exchange kept the contract.
 */
export function contractViolations(response: DriverResponse): string[] {
  const found: string[] = [];
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.startsWith('application/problem+json')) {
    const problem = response.body as { type?: string; title?: string; validation?: Array<{ location?: string[]; message?: string }> };
    found.push(`${problem.title ?? 'Prism problem'} (${problem.type ?? 'no type'})`);
    for (const violation of problem.validation ?? []) found.push(`${(violation.location ?? []).join('.')}: ${violation.message ?? ''}`);
  }
  const header = response.headers.get('sl-violations');
  if (header) {
    for (const violation of JSON.parse(header) as Array<{ location?: string[]; severity?: string; message?: string }>) {
      found.push(`${violation.severity ?? ''} ${(violation.location ?? []).join('.')}: ${violation.message ?? ''}`);
    }
  }
  return found;
}
