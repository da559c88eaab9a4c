import { getDb } from '@/lib/db';
import type { IngestTokenView } from '@/lib/schemas/ingest-tokens';
import { ingestTokenSelect, toIngestTokenView } from './ingest-token-view';

// Active tokens first, newest first; revoked ones stay listed so their history is visible.
export async function listIngestTokens(): Promise<IngestTokenView[]> {
  const rows = await getDb().ingestToken.findMany({
    select: ingestTokenSelect,
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    take: 500,
  });
  return rows.map(toIngestTokenView);
}
