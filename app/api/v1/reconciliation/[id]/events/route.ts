// GET /api/v1/reconciliation/:id/events — the row's events and where each stands on its way to Stripe (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { driftEventsQuery, driftEventsResponse } from '@/lib/schemas/usage-forwarding';
import { listDriftEvents } from '@/lib/server/reconciliation/list-drift-events';

export const GET = withApi({
  auth: 'session',
  capability: 'reconciliation.read',
  schemas: { params: idParams, query: driftEventsQuery, response: driftEventsResponse },
  handler: async ({ params, query }) => ({
    items: await listDriftEvents(params.id, { onlyUnacknowledged: query.onlyUnacknowledged === 'true' }),
  }),
});
