import { createHash } from 'node:crypto';

// Secrets Tollgate only needs to recognise — ingest tokens, customer API keys — are stored as
// their sha256; a lookup by hash needs no constant-time compare (stored values are never shown).
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
