// GET /api/v1/knowledge — knowledge-base documents (every role)
// POST /api/v1/knowledge — add a Markdown document (admin)
import { withApi } from '@/lib/api/with-api';
import { knowledgeDocumentBody, knowledgeDocumentList, knowledgeDocumentView } from '@/lib/schemas/knowledge';
import { createKnowledgeDocument } from '@/lib/server/knowledge/create-knowledge-document';
import { listKnowledgeDocuments } from '@/lib/server/knowledge/list-knowledge-documents';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { response: knowledgeDocumentList },
  handler: () => listKnowledgeDocuments(),
});

export const POST = withApi({
  auth: 'session',
  capability: 'knowledge.manage',
  status: 201,
  bodyLimitBytes: 256 * 1024,
  schemas: { body: knowledgeDocumentBody, response: knowledgeDocumentView },
  handler: ({ body, user, requestId }) => createKnowledgeDocument({ doc: body, userId: user.id, requestId }),
});
