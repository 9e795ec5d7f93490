import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';

/** Options of {@link TokenRegistry.issue}. */
export interface IssueTokenOptions {
  /**
   * The user (or app) the token stands for: recorded as `lastModifiedUser` and used to tell callers apart for
   * MS-RequestId replays. Give successive tokens the same user to model a token refresh. Default: a new GUID.
   */
  userId?: string;
  /** Seconds until the token expires, by the fake's clock. Default: `tokenLifetimeSeconds`, else 3600. */
  lifetimeSeconds?: number;
}

/** The fake's verdict on a request's bearer token. */
export type TokenCheck = { kind: 'accepted'; userId: string } | { kind: 'missing' } | { kind: 'refused' } | { kind: 'expired' };

export interface TokenSettings {
  clock: Clock;
  /** Which tokens not issued by the fake are accepted. */
  acceptToken: (token: string) => boolean;
  /** The user of a token not issued by the fake. */
  userIdForToken: (token: string) => string;
  /** When set, a token not issued by the fake expires this long after the fake first saw it. */
  lifetimeSeconds: number | undefined;
}

const DEFAULT_ISSUED_LIFETIME_SECONDS = 3600;
/** First sightings remembered for `tokenLifetimeSeconds`; the oldest is forgotten beyond this (its lifetime restarts). */
const MAX_TRACKED_TOKENS = 10_000;

/**
 * Bearer tokens as the fake sees them: issued ones with their user and expiry, tokens marked expired, and the
 * lifetime of any other accepted token. Tokens are kept only as SHA-256 hashes, so the fake never holds a
 * token it could leak.
 */
export class TokenRegistry {
  private readonly issued = new Map<string, { userId: string; expiresAt: number }>();
  private readonly markedExpired = new Set<string>();
  private readonly firstSeen = new Map<string, number>();

  constructor(private readonly settings: TokenSettings) {
    if (settings.lifetimeSeconds !== undefined) checkLifetime('tokenLifetimeSeconds', settings.lifetimeSeconds);
  }

  /** Mints a token the fake accepts until it expires. */
  issue(options: IssueTokenOptions = {}): string {
    const lifetimeSeconds = options.lifetimeSeconds ?? this.settings.lifetimeSeconds ?? DEFAULT_ISSUED_LIFETIME_SECONDS;
    checkLifetime('issueToken: lifetimeSeconds', lifetimeSeconds);
    const token = `fake-token.${randomUUID()}`;
    this.issued.set(hashOf(token), {
      userId: options.userId ?? randomUUID(),
      expiresAt: this.settings.clock().getTime() + lifetimeSeconds * 1000,
    });
    return token;
  }

  /** From now on the token answers 401 as expired, whether the fake issued it or not. */
  expire(token: string): void {
    this.markedExpired.add(hashOf(token));
  }

  check(token: string | undefined): TokenCheck {
    if (token === undefined || token === '') return { kind: 'missing' };
    const hash = hashOf(token);
    if (this.markedExpired.has(hash)) return { kind: 'expired' };
    const now = this.settings.clock().getTime();
    const issued = this.issued.get(hash);
    if (issued) return issued.expiresAt <= now ? { kind: 'expired' } : { kind: 'accepted', userId: issued.userId };
    if (!this.settings.acceptToken(token)) return { kind: 'refused' };
    if (this.settings.lifetimeSeconds !== undefined && now >= this.sightedAt(hash, now) + this.settings.lifetimeSeconds * 1000) {
      return { kind: 'expired' };
    }
    return { kind: 'accepted', userId: this.settings.userIdForToken(token) };
  }

  private sightedAt(hash: string, now: number): number {
    const seen = this.firstSeen.get(hash);
    if (seen !== undefined) return seen;
    this.firstSeen.set(hash, now);
    if (this.firstSeen.size > MAX_TRACKED_TOKENS) {
      const oldest = this.firstSeen.keys().next().value;
      if (oldest !== undefined) this.firstSeen.delete(oldest);
    }
    return now;
  }
}

function checkLifetime(name: string, seconds: number): void {
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${name} must be a finite number of seconds > 0 (got ${seconds}).`);
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A stable GUID per token, so different callers show up as different `lastModifiedUser`s without the token ever being stored. */
export function guidFromToken(token: string): string {
  const hex = hashOf(token);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
