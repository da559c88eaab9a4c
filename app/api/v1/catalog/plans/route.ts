// POST /api/v1/catalog/plans — create a plan mapped to Stripe prices, with its limits (admin)
import { withApi } from '@/lib/api/with-api';
import { createPlanBody, planView } from '@/lib/schemas/catalog';
import { createPlan } from '@/lib/server/catalog/save-plan';

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { body: createPlanBody, response: planView },
  status: 201,
  handler: ({ user, body, requestId }) => createPlan(user, body, requestId),
});
