// GET /api/v1/billing/chargebee — the Chargebee connection as Settings shows it (admin);
// PUT — store a site and API key, the key encrypted (admin); DELETE — remove them (admin)
import { withApi } from '@/lib/api/with-api';
import { chargebeeConnectionBody, chargebeeConnectionView } from '@/lib/schemas/chargebee-connection';
import { getChargebeeConnection } from '@/lib/server/billing/connection/get-chargebee-connection';
import {
  removeChargebeeConnection,
  saveChargebeeConnection,
} from '@/lib/server/billing/connection/save-chargebee-connection';

export const GET = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: chargebeeConnectionView },
  handler: () => getChargebeeConnection(),
});

export const PUT = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { body: chargebeeConnectionBody, response: chargebeeConnectionView },
  handler: async ({ user, body, requestId }) => {
    await saveChargebeeConnection(user, body, requestId);
    return getChargebeeConnection();
  },
});

export const DELETE = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: chargebeeConnectionView },
  handler: async ({ user, requestId }) => {
    await removeChargebeeConnection(user, requestId);
    return getChargebeeConnection();
  },
});
