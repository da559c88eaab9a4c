// GET /api/v1/reconciliation/export — the reconciliation rows as CSV (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { clock } from '@/lib/clock';
import { reconciliationListQuery } from '@/lib/schemas/usage-forwarding';
import { listReconciliations } from '@/lib/server/reconciliation/list-reconciliations';
import { reconciliationsCsv } from '@/lib/server/reconciliation/reconciliations-csv';

export const GET = withApi({
  auth: 'session',
  capability: 'reconciliation.read',
  schemas: { query: reconciliationListQuery },
  handler: async ({ query }) => {
    const rows = await listReconciliations({
      flagged: query.flagged === undefined ? undefined : query.flagged === 'true',
      customerId: query.customerId,
      limit: 500,
    });
    return new Response(reconciliationsCsv(rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="tollgate-reconciliation-${clock.now().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      },
    });
  },
});
