import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { IngestTokenView } from '@/lib/schemas/ingest-tokens';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { INGEST_TOKENS_CHANNEL, onIngestTokensChanged } from './ingest-token-cache';
import { ingestTokenSelect, toIngestTokenView } from './ingest-token-view';
import { clock } from '@/lib/clock';

// Revokes a token at once on every instance: the NOTIFY commits with the revocation and each
// instance's listener drops the cached token. Revoking a revoked token changes nothing (200).
export async function revokeIngestToken(actor: SessionUser, id: string, requestId: string): Promise<IngestTokenView> {
  const view = await getDb().$transaction(async (tx) => {
    const before = await tx.ingestToken.findUnique({ where: { id }, select: ingestTokenSelect });
    if (!before) throw notFound('Ingest token');
    if (before.revokedAt) return toIngestTokenView(before);
    const after = await tx.ingestToken.update({
      where: { id },
      data: { revokedAt: clock.now() },
      select: ingestTokenSelect,
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'ingest_token.revoked',
      target: { type: 'ingest_token', id },
      requestId,
      before: toIngestTokenView(before),
      after: toIngestTokenView(after),
    });
    await tx.$executeRaw`SELECT pg_notify(${INGEST_TOKENS_CHANNEL}, ${id})`;
    return toIngestTokenView(after);
  });
  onIngestTokensChanged(id);
  return view;
}
