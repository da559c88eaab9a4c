// GET /api/v1/customers/:id/dunning — failed invoices with the billing-ops decisions on each (class, step, why, factors, drafts, outcome) and the plan's past-due grace (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { dunningTimeline } from '@/lib/schemas/dunning';
import { getDunningTimeline } from '@/lib/server/dunning/get-dunning-timeline';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: dunningTimeline },
  handler: ({ params }) => getDunningTimeline(params.id),
});
