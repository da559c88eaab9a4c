import { getDb } from '@/lib/db';
import type { KnowledgeDocumentView } from '@/lib/schemas/knowledge';
import { knowledgeDocumentSelect, toKnowledgeDocumentView } from './knowledge-document-view';

export async function listKnowledgeDocuments(limit = 200): Promise<{ items: KnowledgeDocumentView[] }> {
  const rows = await getDb().knowledgeDocument.findMany({
    where: { archivedAt: null },
    orderBy: { updatedAt: 'desc' },
    take: limit,
    select: knowledgeDocumentSelect,
  });
  return { items: rows.map(toKnowledgeDocumentView) };
}
