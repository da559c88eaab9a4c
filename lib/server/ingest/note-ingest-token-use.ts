import { getPool } from '@/lib/db';

// Ingest tokens show when they were last used, but the hot path must not write a row per
// request: each process writes a token's last_used_at at most once a minute, without waiting.
// A failed write is forgotten so the next request tries again; a crash loses at most a minute.
const SAMPLE_MS = 60_000;
const lastWritten = new Map<string, number>();

export function noteIngestTokenUse(tokenId: string, nowMs: number): void {
  const last = lastWritten.get(tokenId);
  if (last !== undefined && nowMs - last < SAMPLE_MS) return;
  if (lastWritten.size > 10_000) lastWritten.clear();
  lastWritten.set(tokenId, nowMs);
  getPool()
    .query({
      name: 'tollgate_ingest_token_used',
      text: 'UPDATE ingest_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)',
      values: [tokenId, new Date(nowMs)],
    })
    .catch(() => lastWritten.delete(tokenId));
}
