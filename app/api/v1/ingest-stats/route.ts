// GET /api/v1/ingest-stats?days=7 — accepted / duplicate / rejected events per source (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { ingestStatsQuery, ingestStatsResponse } from '@/lib/schemas/ingest-tokens';
import { listIngestStats } from '@/lib/server/ingest/list-ingest-stats';

export const GET = withApi({
  auth: 'session',
  capability: 'ingest.read',
  schemas: { query: ingestStatsQuery, response: ingestStatsResponse },
  handler: ({ query }) => listIngestStats(query.days),
});
