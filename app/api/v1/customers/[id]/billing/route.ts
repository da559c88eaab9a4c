// GET /api/v1/customers/:id/billing — plan, price, usage against limits with overage in money (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { customerBilling } from '@/lib/schemas/support';
import { getCustomerBilling } from '@/lib/server/support/get-customer-billing';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: customerBilling },
  handler: ({ params }) => getCustomerBilling(params.id),
});
