// GET /api/v1/overview — the portfolio at a glance: pending approvals by value, anomalies, quota crossings, dunning, expansion (every role)
import { withApi } from '@/lib/api/with-api';
import { portfolioOverview } from '@/lib/schemas/overview';
import { getPortfolioOverview } from '@/lib/server/overview/get-portfolio-overview';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { response: portfolioOverview },
  handler: () => getPortfolioOverview(),
});
