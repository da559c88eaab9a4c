// GET /api/v1/search?q= — customers, invoices, actions and (for those who may) audit events matching q (every role)
import { withApi } from '@/lib/api/with-api';
import { searchQuery, searchResponse } from '@/lib/schemas/search';
import { searchConsole } from '@/lib/server/search/search-console';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: searchQuery, response: searchResponse },
  handler: async ({ user, query }) => ({ items: await searchConsole(user, query.q) }),
});
