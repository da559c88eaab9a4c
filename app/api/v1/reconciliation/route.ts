// GET /api/v1/reconciliation?flagged=&customerId= — usage reconciliation rows, drift first (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { reconciliationListQuery, reconciliationListResponse } from '@/lib/schemas/usage-forwarding';
import { listReconciliations } from '@/lib/server/reconciliation/list-reconciliations';

export const GET = withApi({
  auth: 'session',
  capability: 'reconciliation.read',
  schemas: { query: reconciliationListQuery, response: reconciliationListResponse },
  handler: async ({ query }) => ({
    items: await listReconciliations({
      flagged: query.flagged === undefined ? undefined : query.flagged === 'true',
      customerId: query.customerId,
      limit: query.limit,
    }),
  }),
});
