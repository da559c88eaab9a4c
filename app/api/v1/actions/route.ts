// GET /api/v1/actions — the approval queue (every role reads; deciding is role- and policy-gated)
import { withApi } from '@/lib/api/with-api';
import { actionListQuery, actionListResponse } from '@/lib/schemas/actions';
import { listActions } from '@/lib/server/actions/list-actions';

export const GET = withApi({
  auth: 'session',
  roles: ['admin', 'revops', 'support'],
  schemas: { query: actionListQuery, response: actionListResponse },
  handler: async ({ query }) => ({ items: await listActions(query) }),
});
