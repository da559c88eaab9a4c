// PATCH /api/v1/catalog/meters/:id — edit a meter's name, unit, aggregation or Stripe mapping (admin)
import { withApi } from '@/lib/api/with-api';
import { catalogIdParams, meterView, updateMeterBody } from '@/lib/schemas/catalog';
import { updateMeter } from '@/lib/server/catalog/save-meter';

export const PATCH = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { params: catalogIdParams, body: updateMeterBody, response: meterView },
  handler: ({ user, params, body, requestId }) => updateMeter(user, params.id, body, requestId),
});
