// GET /api/v1/customers/:id — one customer: plan, usage, invoices, tickets (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { customerDetail } from '@/lib/schemas/customers';
import { getCustomer } from '@/lib/server/customers/get-customer';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: customerDetail },
  handler: ({ params }) => getCustomer(params.id),
});
