// GET /api/v1/customers/:id/tickets — support tickets with bodies and drafted notes (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { customerTickets } from '@/lib/schemas/support';
import { listCustomerTickets } from '@/lib/server/support/list-customer-tickets';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: customerTickets },
  handler: ({ params }) => listCustomerTickets(params.id),
});
