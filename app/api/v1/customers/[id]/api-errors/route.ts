// GET /api/v1/customers/:id/api-errors?days=7 — usage events with an error status, by endpoint (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { apiErrorsQuery, customerApiErrors } from '@/lib/schemas/support';
import { getCustomerApiErrors } from '@/lib/server/support/get-customer-api-errors';
import { getCustomer } from '@/lib/server/customers/get-customer';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, query: apiErrorsQuery, response: customerApiErrors },
  handler: async ({ params, query }) => {
    await getCustomer(params.id); // 404 for an unknown customer, not an empty list
    return getCustomerApiErrors(params.id, query.days);
  },
});
