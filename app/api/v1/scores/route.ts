// GET /api/v1/scores — the latest expansion / health / churn-risk score of every customer, ranked, filtered and paged (every role)
import { withApi } from '@/lib/api/with-api';
import { scoreListQuery, scoreListResponse } from '@/lib/schemas/scores';
import { listCustomerScores } from '@/lib/server/scores/list-customer-scores';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: scoreListQuery, response: scoreListResponse },
  handler: async ({ query }) => ({ ...(await listCustomerScores(query)), limit: query.limit, offset: query.offset }),
});
