import { createHash } from 'node:crypto';
import { getPool } from '@/lib/db';
import { ApiError } from '@/lib/api/api-error';

export interface IngestCaller {
  tokenId: string;
  source: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// Ingest tokens are stored as sha256 hashes; a lookup by hash needs no constant-time compare
// because the attacker never sees stored values. Plain SQL: this runs on the ingest hot path.
export async function authenticateIngestToken(req: Request): Promise<IngestCaller> {
  const header = req.headers.get('authorization') ?? '';
  const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new ApiError(401, 'missing_token', 'Send an ingest token as "Authorization: Bearer <token>"');
  const { rows } = await getPool().query<{ id: string; source: string }>(
    'SELECT id, source FROM ingest_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashSecret(token)],
  );
  const row = rows[0];
  if (!row) throw new ApiError(401, 'invalid_token', 'The ingest token is unknown or revoked');
  return { tokenId: row.id, source: row.source };
}
