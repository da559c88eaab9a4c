// GET /api/v1/customers/:id/api-keys — the customer's API keys, prefixes only (every role)
// POST /api/v1/customers/:id/api-keys — make a key for the customer, shown once (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { createCustomerKeyBody, createdCustomerKey, customerKeyListResponse } from '@/lib/schemas/customer-keys';
import { createCustomerKey } from '@/lib/server/customer-keys/create-customer-key';
import { listCustomerKeys } from '@/lib/server/customer-keys/list-customer-keys';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: customerKeyListResponse },
  handler: async ({ params }) => ({ items: await listCustomerKeys(params.id) }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'customer-keys.manage',
  schemas: { params: idParams, body: createCustomerKeyBody, response: createdCustomerKey },
  status: 201,
  handler: ({ user, params, body, requestId }) => createCustomerKey(user, params.id, body.name, requestId),
});
