// GET /api/health — database and job queue status for load balancers (public, no secrets)
import { withApi } from '@/lib/api/with-api';
import { checkHealth } from '@/lib/server/health/check-health';

export const dynamic = 'force-dynamic';

export const GET = withApi({
  auth: 'public',
  handler: async () => {
    const health = await checkHealth();
    return Response.json(health, {
      status: health.status === 'ok' ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
    });
  },
});
