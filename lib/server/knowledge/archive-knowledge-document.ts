import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { clock } from '@/lib/clock';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';

// Removes a document from search (kept, archived, so past answers that cited it still resolve).
export async function archiveKnowledgeDocument(input: { id: string; userId: string; requestId?: string }) {
  await getDb().$transaction(async (tx) => {
    const updated = await tx.knowledgeDocument.updateMany({
      where: { id: input.id, archivedAt: null },
      data: { archivedAt: clock.now() },
    });
    if (updated.count === 0) throw notFound('Knowledge document');
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: input.userId },
      action: 'knowledge_document.archived',
      target: { type: 'knowledge_document', id: input.id },
      requestId: input.requestId,
    });
  });
}
