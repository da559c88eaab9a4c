// POST /api/v1/customer-keys/:id/rotate — replace a key with a new one (shown once), atomically (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { rotatedCustomerKey } from '@/lib/schemas/customer-keys';
import { rotateCustomerKey } from '@/lib/server/customer-keys/rotate-customer-key';

export const POST = withApi({
  auth: 'session',
  capability: 'customer-keys.manage',
  schemas: { params: idParams, response: rotatedCustomerKey },
  status: 201,
  handler: ({ user, params, requestId }) => rotateCustomerKey(user, params.id, requestId),
});
