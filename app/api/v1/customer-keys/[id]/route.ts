// DELETE /api/v1/customer-keys/:id — revoke a customer's API key at once, on every instance (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { customerKeyView } from '@/lib/schemas/customer-keys';
import { revokeCustomerKey } from '@/lib/server/customer-keys/revoke-customer-key';

export const DELETE = withApi({
  auth: 'session',
  capability: 'customer-keys.manage',
  schemas: { params: idParams, response: customerKeyView },
  handler: ({ user, params, requestId }) => revokeCustomerKey(user, params.id, requestId),
});
