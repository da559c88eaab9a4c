// POST /api/v1/billing/connection/test — which Stripe account the key opens, its mode, and the
// reads it lacks (admin)
import { withApi } from '@/lib/api/with-api';
import { connectionTestResult } from '@/lib/schemas/billing-connection';
import { testStripeConnection } from '@/lib/server/billing/connection/test-stripe-connection';

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: connectionTestResult },
  handler: () => testStripeConnection(),
});
