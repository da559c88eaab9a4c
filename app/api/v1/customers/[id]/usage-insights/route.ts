// GET /api/v1/customers/:id/usage-insights — per meter: usage series, limit, forecast band and crossing date, anomalies, utilisation; plus the usage analyst's drafted actions and why (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { usageInsights } from '@/lib/schemas/insights';
import { getUsageInsights } from '@/lib/server/insights/get-usage-insights';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: usageInsights },
  handler: ({ params }) => getUsageInsights(params.id),
});
