/** Where a request's URL points. */
export type CartPath =
  | { kind: 'cart'; customerId: string; cartId: string }
  | { kind: 'elsewhere' }
  | { kind: 'malformed'; description: string };

const CART_PATH = /^\/v1\/customers\/([^/]+)\/carts\/([^/]+)$/;

/**
 * Reads the customer and cart ids from a request target. A target that is not a URL, or an id with broken
 * percent-encoding such as `%ZZ`, is the client's mistake and comes back as `malformed` instead of throwing.
 */
export function parseCartPath(target: string): CartPath {
  let pathname: string;
  try {
    pathname = new URL(target, 'http://fake').pathname;
  } catch {
    return { kind: 'malformed', description: 'The request target is not a valid URL path.' };
  }
  const match = CART_PATH.exec(pathname);
  if (!match) return { kind: 'elsewhere' };
  try {
    return { kind: 'cart', customerId: decodeURIComponent(match[1] ?? ''), cartId: decodeURIComponent(match[2] ?? '') };
  } catch {
    return {
      kind: 'malformed',
      description:
        'The customer id or cart id in the path is not valid percent-encoding (e.g. a % not followed by two hex digits); send the ids as GUIDs.',
    };
  }
}
