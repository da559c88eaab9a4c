// PATCH /api/v1/catalog/plans/:id — edit a plan, replace its limits, or archive it (admin)
import { withApi } from '@/lib/api/with-api';
import { catalogIdParams, planView, updatePlanBody } from '@/lib/schemas/catalog';
import { updatePlan } from '@/lib/server/catalog/save-plan';

export const PATCH = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { params: catalogIdParams, body: updatePlanBody, response: planView },
  handler: ({ user, params, body, requestId }) => updatePlan(user, params.id, body, requestId),
});
