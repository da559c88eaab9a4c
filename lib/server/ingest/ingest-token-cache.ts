// Ingest-token lookups cached per process, so a single-event request costs no token query. A
// cached token is trusted only while the change feed (the process's LISTEN connection) is live;
// a revocation NOTIFYs this channel in its transaction and every instance drops the token at
// once. While the feed is down every request goes to the database.
export const INGEST_TOKENS_CHANNEL = 'tollgate_ingest_tokens';

// What a verified token allows: who it is, what it may do, and until when (ms; Infinity: no expiry).
export interface TokenGrant {
  tokenId: string;
  source: string;
  scopes: string[];
  validUntil: number;
}

export interface CachedToken extends TokenGrant {
  expiresAt: number;
}

const TTL_MS = 60_000;
const MAX = 10_000;

// `lastKnown` outlives feed resets: it is consulted only when the database cannot be reached, so
// gateways holding a valid token still get fail-open/closed entitlement answers (and ingestion a
// clean 503) during an outage. Revocations remove tokens from it too; no revocation can commit
// while the database is down.
const g = globalThis as unknown as {
  tollgateIngestTokens?: { tokens: Map<string, CachedToken>; lastKnown: Map<string, CachedToken>; changes: number };
};
const state = (g.tollgateIngestTokens ??= { tokens: new Map(), lastKnown: new Map(), changes: 0 });
const tokens = state.tokens;

export function lastKnownToken(hash: string): CachedToken | undefined {
  return state.lastKnown.get(hash);
}

export function rememberToken(hash: string, grant: TokenGrant): void {
  if (state.lastKnown.size >= MAX) state.lastKnown.clear();
  state.lastKnown.set(hash, { ...grant, expiresAt: Infinity });
}

export function forgetToken(hash: string): void {
  tokens.delete(hash);
  state.lastKnown.delete(hash);
}

// Bumped by every revocation and reset: a lookup that raced with one is not cached.
export function tokenChangeSeq(): number {
  return state.changes;
}

export function getCachedToken(hash: string, now: number): CachedToken | undefined {
  const hit = tokens.get(hash);
  if (hit && hit.expiresAt > now) return hit;
  if (hit) tokens.delete(hash);
  return undefined;
}

export function cacheToken(hash: string, grant: TokenGrant, now: number, seqAtLookup: number): void {
  if (seqAtLookup !== state.changes) return;
  if (tokens.size >= MAX) tokens.clear();
  tokens.set(hash, { ...grant, expiresAt: Math.min(now + TTL_MS, grant.validUntil) });
}

// Payload: the revoked token's id.
export function onIngestTokensChanged(tokenId: string): void {
  state.changes++;
  for (const map of [tokens, state.lastKnown]) for (const [hash, t] of map) if (t.tokenId === tokenId) map.delete(hash);
}

export function resetIngestTokenCache(): void {
  state.changes++;
  tokens.clear();
}
