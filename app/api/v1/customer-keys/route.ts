// POST /api/v1/customer-keys — a gateway or key manager registers its consumers' keys (key or
// sha256) with an ingest token; idempotent, a verdict per key
import { withApi } from '@/lib/api/with-api';
import { registerCustomerKeysBody, registerCustomerKeysResponse } from '@/lib/schemas/customer-keys';
import { registerCustomerKeys } from '@/lib/server/customer-keys/register-customer-keys';

export const POST = withApi({
  auth: 'token',
  schemas: { body: registerCustomerKeysBody, response: registerCustomerKeysResponse },
  handler: ({ caller, body, requestId }) =>
    registerCustomerKeys({ type: 'system', id: `ingest_token:${caller.tokenId}` }, body.keys, requestId),
});
