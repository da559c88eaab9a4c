import type { z } from 'zod';
import { getDb } from '@/lib/db';
import type { knowledgeDocumentBody, KnowledgeDocumentView } from '@/lib/schemas/knowledge';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { detectInjections } from '@/lib/ai/copilot/detect-injections';
import { knowledgeDocumentSelect, toKnowledgeDocumentView } from './knowledge-document-view';

// An admin adds a Markdown document. PostgreSQL derives its search vector (a generated column),
// so it is searchable the moment this commits. Instructions aimed at a model are not refused
// (a policy may quote one) but the audit event records that they were seen.
export async function createKnowledgeDocument(input: {
  doc: z.infer<typeof knowledgeDocumentBody>;
  userId: string;
  requestId?: string;
}): Promise<KnowledgeDocumentView> {
  return getDb().$transaction(async (tx) => {
    const row = await tx.knowledgeDocument.create({
      data: { ...input.doc, createdById: input.userId },
      select: knowledgeDocumentSelect,
    });
    const flags = detectInjections([{ source: `knowledge_documents:${row.id}`, field: 'body', text: row.body }]);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: input.userId },
      action: 'knowledge_document.created',
      target: { type: 'knowledge_document', id: row.id },
      requestId: input.requestId,
      after: { title: row.title, category: row.category, bodyLength: row.body.length },
      data: flags.length ? { injectionFlags: flags } : undefined,
    });
    return toKnowledgeDocumentView(row);
  });
}
