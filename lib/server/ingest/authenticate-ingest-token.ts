import { getPool } from '@/lib/db';
import { ApiError } from '@/lib/api/api-error';
import { isDatabaseUnavailable } from '@/lib/api/error-response';
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
} from './ingest-token-cache';
import { clock } from '@/lib/clock';
import { hashSecret } from '@/lib/server/usage-store/hash-secret';

export interface IngestCaller {
  tokenId: string;
  source: string;
}

export { hashSecret };

// Revocations arrive on the shared change feed; a reconnect forgets every cached token.
addChangeFeedChannel(INGEST_TOKENS_CHANNEL, { onNotify: onIngestTokensChanged, onReset: resetIngestTokenCache });

// Ingest tokens are stored as sha256 hashes; a lookup by hash needs no constant-time compare
// because the attacker never sees stored values. Plain SQL: this runs on the ingest hot path,
// and a hit in the per-process cache (trusted only while the change feed that carries
// revocations is live) skips the query entirely. Only the headers are read, so the gateway's
// node:http requests pass through the same function as the Next routes' fetch Requests.
export async function authenticateIngestToken(req: { headers: Pick<Headers, 'get'> }): Promise<IngestCaller> {
  const header = req.headers.get('authorization') ?? '';
  const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new ApiError(401, 'missing_token', 'Send an ingest token as "Authorization: Bearer <token>"');
  const hash = hashSecret(token);
  const now = clock.nowMs();
  startChangeFeed();
  const live = isChangeFeedLive();
  const hit = live ? getCachedToken(hash, now) : undefined;
  if (hit) return { tokenId: hit.tokenId, source: hit.source };
  const seq = tokenChangeSeq();
  let rows: { id: string; source: string }[];
  try {
    ({ rows } = await getPool().query<{ id: string; source: string }>({
      name: 'tollgate_ingest_token',
      text: 'SELECT id, source FROM ingest_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      values: [hash],
    }));
  } catch (err) {
    // Database down: a token this process has verified before still identifies its caller, so
    // entitlement checks can answer by fail mode (and ingestion answers 503, not 401).
    const known = isDatabaseUnavailable(err) ? lastKnownToken(hash) : undefined;
    if (known) return { tokenId: known.tokenId, source: known.source };
    throw err;
  }
  const row = rows[0];
  if (!row) {
    forgetToken(hash);
    throw new ApiError(401, 'invalid_token', 'The ingest token is unknown or revoked');
  }
  // Cache only if no revocation arrived while the query ran, and (for the hot cache) the feed was
  // live before it — a revocation committed earlier is then visible to the query.
  if (seq === tokenChangeSeq()) rememberToken(hash, row.id, row.source);
  if (live) cacheToken(hash, row.id, row.source, now, seq);
  return { tokenId: row.id, source: row.source };
}
