// GET /api/v1/scores/export — the filtered score list as CSV, in the list's order (every role)
import { withApi } from '@/lib/api/with-api';
import { clock } from '@/lib/clock';
import { scoreListQuery } from '@/lib/schemas/scores';
import { exportCustomerScoresCsv } from '@/lib/server/scores/export-customer-scores-csv';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: scoreListQuery },
  handler: async ({ query }) =>
    new Response(await exportCustomerScoresCsv(query), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="tollgate-${query.list.replace('_', '-')}-${clock.now().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      },
    }),
});
