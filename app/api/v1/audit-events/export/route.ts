// GET /api/v1/audit-events/export — the filtered audit trail as streaming CSV (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { auditListQuery } from '@/lib/schemas/audit';
import { streamAuditCsv } from '@/lib/server/audit/stream-audit-csv';
import { clock } from '@/lib/clock';

export const GET = withApi({
  auth: 'session',
  capability: 'audit.read',
  schemas: { query: auditListQuery },
  handler: async ({ query }) =>
    new Response(streamAuditCsv(query), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="tollgate-audit-${clock.now().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      },
    }),
});
