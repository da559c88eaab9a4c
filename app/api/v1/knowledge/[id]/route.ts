// DELETE /api/v1/knowledge/:id — archive a document: it leaves search, past citations still resolve (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { archiveKnowledgeDocument } from '@/lib/server/knowledge/archive-knowledge-document';

export const DELETE = withApi({
  auth: 'session',
  capability: 'knowledge.manage',
  schemas: { params: idParams },
  handler: async ({ params, user, requestId }) => {
    await archiveKnowledgeDocument({ id: params.id, userId: user.id, requestId });
    return { id: params.id, archived: true };
  },
});
