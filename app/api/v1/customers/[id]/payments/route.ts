// GET /api/v1/customers/:id/payments — payment attempts with decline reasons, dunning stage (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { customerPayments } from '@/lib/schemas/support';
import { getCustomerPayments } from '@/lib/server/support/get-customer-payments';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: customerPayments },
  handler: ({ params }) => getCustomerPayments(params.id),
});
