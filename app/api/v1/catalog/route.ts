// GET /api/v1/catalog — plans, meters, imported Stripe prices and prices to map (admin)
import { withApi } from '@/lib/api/with-api';
import { catalogResponse } from '@/lib/schemas/catalog';
import { listCatalog } from '@/lib/server/catalog/list-catalog';

export const GET = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: catalogResponse },
  handler: () => listCatalog(),
});
