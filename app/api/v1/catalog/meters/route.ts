// POST /api/v1/catalog/meters — create a meter mapped to a Stripe billing meter (admin)
import { withApi } from '@/lib/api/with-api';
import { createMeterBody, meterView } from '@/lib/schemas/catalog';
import { createMeter } from '@/lib/server/catalog/save-meter';

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { body: createMeterBody, response: meterView },
  status: 201,
  handler: ({ user, body, requestId }) => createMeter(user, body, requestId),
});
