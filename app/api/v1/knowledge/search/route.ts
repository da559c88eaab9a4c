// GET /api/v1/knowledge/search?q=&customerId= — ranked full-text search with highlighted snippets (every role)
import { withApi } from '@/lib/api/with-api';
import { knowledgeSearchQuery, knowledgeSearchResponse } from '@/lib/schemas/knowledge';
import { searchKnowledge } from '@/lib/server/knowledge/search-knowledge';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: knowledgeSearchQuery, response: knowledgeSearchResponse },
  handler: ({ query }) => searchKnowledge({ q: query.q, customerId: query.customerId, limit: query.limit }),
});
