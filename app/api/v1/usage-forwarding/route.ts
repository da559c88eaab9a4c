// GET /api/v1/usage-forwarding — forwarding to Stripe meters: backlog, flagged, accept → ack lag (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { forwardingStatsResponse } from '@/lib/schemas/usage-forwarding';
import { getForwardingStats } from '@/lib/server/usage-forwarding/get-forwarding-stats';

export const GET = withApi({
  auth: 'session',
  capability: 'ingest.read',
  schemas: { response: forwardingStatsResponse },
  handler: () => getForwardingStats(),
});
