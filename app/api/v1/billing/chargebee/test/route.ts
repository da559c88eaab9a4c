// POST /api/v1/billing/chargebee/test — which Chargebee site the key opens and the lists it
// cannot read, through the chargebee SDK (admin)
import { withApi } from '@/lib/api/with-api';
import { chargebeeConnectionTestResult } from '@/lib/schemas/chargebee-connection';
import { testChargebeeConnection } from '@/lib/server/billing/connection/test-chargebee-connection';

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: chargebeeConnectionTestResult },
  handler: () => testChargebeeConnection(),
});
