import { getPool } from '@/lib/db';
import { ApiError, forbidden } from '@/lib/errors';
import { isDatabaseUnavailable } from '@/lib/server/db/is-database-unavailable';
import { addChangeFeedChannel, isChangeFeedLive, startChangeFeed } from '@/lib/server/entitlements/entitlement-cache';
import {
  cacheToken,
  forgetToken,
  getCachedToken,
  INGEST_TOKENS_CHANNEL,
  lastKnownToken,
  onIngestTokensChanged,
  rememberToken,
  resetIngestTokenCache,
  tokenChangeSeq,
  type TokenGrant,
} from './ingest-token-cache';
import { clock } from '@/lib/clock';
import { noteIngestTokenUse } from './note-ingest-token-use';
import { hashSecret } from '@/lib/server/usage-store/hash-secret';

export interface IngestCaller {
  tokenId: string;
  source: string;
  scopes?: string[];
}

export const INGEST_SCOPES = ['usage:write', 'entitlements:check'] as const;
export type IngestScope = (typeof INGEST_SCOPES)[number];

// An expired token is refused like an unknown one; a token without the scope is known but not
// allowed (403). Checked on cached grants too: a cache entry never outlives the token.
function admit(grant: TokenGrant, now: number, scope: IngestScope | undefined): IngestCaller {
  if (grant.validUntil <= now) throw new ApiError(401, 'token_expired', 'The ingest token has expired');
  if (scope && !grant.scopes.includes(scope)) throw forbidden(`This ingest token lacks the ${scope} scope`);
  noteIngestTokenUse(grant.tokenId, now);
  return { tokenId: grant.tokenId, source: grant.source, scopes: grant.scopes };
}

export { hashSecret };

// Revocations arrive on the shared change feed; a reconnect forgets every cached token.
addChangeFeedChannel(INGEST_TOKENS_CHANNEL, { onNotify: onIngestTokensChanged, onReset: resetIngestTokenCache });

// Ingest tokens are stored as sha256 hashes; a lookup by hash needs no constant-time compare
// because the attacker never sees stored values. Plain SQL: this runs on the ingest hot path,
// and a hit in the per-process cache (trusted only while the change feed that carries
// revocations is live) skips the query entirely. Only the headers (and, for the Next routes, the
// URL the scope follows from) are read, so the gateway's node:http requests pass through the same
// function as the Next routes' fetch Requests; the gateway names the scope itself.
// The scope a token-authenticated route needs, by its path (until routes name it themselves).
const SCOPE_BY_PATH: Record<string, IngestScope> = {
  '/api/v1/usage': 'usage:write',
  '/api/v1/entitlements/check': 'entitlements:check',
  // A gateway registers the customer keys it checks entitlements by.
  '/api/v1/customer-keys': 'entitlements:check',
};

function scopeFor(req: { url?: string }): IngestScope | undefined {
  if (!req.url) return undefined;
  return SCOPE_BY_PATH[new URL(req.url, 'http://x').pathname.replace(/\/$/, '')];
}

export async function authenticateIngestToken(
  req: { headers: Pick<Headers, 'get'>; url?: string },
  scope: IngestScope | undefined = scopeFor(req),
): Promise<IngestCaller> {
  const header = req.headers.get('authorization') ?? '';
  const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new ApiError(401, 'missing_token', 'Send an ingest token as "Authorization: Bearer <token>"');
  const hash = hashSecret(token);
  const now = clock.nowMs();
  startChangeFeed();
  const live = isChangeFeedLive();
  const hit = live ? getCachedToken(hash, now) : undefined;
  if (hit) return admit(hit, now, scope);
  const seq = tokenChangeSeq();
  let rows: { id: string; source: string; scopes: string[] | null; expires_at: Date | null }[];
  try {
    ({ rows } = await getPool().query({
      name: 'tollgate_ingest_token_v2',
      text: 'SELECT id, source, scopes, expires_at FROM ingest_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      values: [hash],
    }));
  } catch (err) {
    // Database down: a token this process has verified before still identifies its caller, so
    // entitlement checks can answer by fail mode (and ingestion answers 503, not 401).
    const known = isDatabaseUnavailable(err) ? lastKnownToken(hash) : undefined;
    if (known) return admit(known, now, scope);
    throw err;
  }
  const row = rows[0];
  if (!row) {
    forgetToken(hash);
    throw new ApiError(401, 'invalid_token', 'The ingest token is unknown or revoked');
  }
  // Cache only if no revocation arrived while the query ran, and (for the hot cache) the feed was
  // live before it — a revocation committed earlier is then visible to the query.
  const grant: TokenGrant = {
    tokenId: row.id,
    source: row.source,
    scopes: row.scopes ?? [...INGEST_SCOPES],
    validUntil: row.expires_at ? row.expires_at.getTime() : Infinity,
  };
  if (seq === tokenChangeSeq()) rememberToken(hash, grant);
  if (live) cacheToken(hash, grant, now, seq);
  return admit(grant, now, scope);
}
