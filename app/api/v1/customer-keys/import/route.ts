// POST /api/v1/customer-keys/import — register keys from a key manager's CSV export; a verdict per row (admin)
import { withApi } from '@/lib/api/with-api';
import { importCustomerKeysBody, registerCustomerKeysResponse } from '@/lib/schemas/customer-keys';
import { importCustomerKeysCsv } from '@/lib/server/customer-keys/import-customer-keys-csv';

export const POST = withApi({
  auth: 'session',
  capability: 'customer-keys.manage',
  schemas: { body: importCustomerKeysBody, response: registerCustomerKeysResponse },
  bodyLimitBytes: 6 * 1024 * 1024,
  handler: ({ user, body, requestId }) => importCustomerKeysCsv(user, body.csv, requestId),
});
