// GET /api/v1/customers — customers with plan and current-period usage per meter (every role)
import { withApi } from '@/lib/api/with-api';
import { customerListQuery, customerListResponse } from '@/lib/schemas/customers';
import { listCustomers } from '@/lib/server/customers/list-customers';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: customerListQuery, response: customerListResponse },
  handler: ({ query }) => listCustomers(query),
});
