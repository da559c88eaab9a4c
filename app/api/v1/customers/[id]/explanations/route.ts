// GET /api/v1/customers/:id/explanations — latest explanation of each recent invoice (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { customerExplanationListResponse, explanationListQuery } from '@/lib/schemas/invoices';
import { listCustomerExplanations } from '@/lib/server/invoices/list-customer-explanations';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, query: explanationListQuery, response: customerExplanationListResponse },
  handler: async ({ params, query }) => ({ items: await listCustomerExplanations(params.id, query.limit) }),
});
