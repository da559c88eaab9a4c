// POST /api/v1/entitlements/check — may this customer use this meter now? Optionally reserve (ingest token)
import { withApi } from '@/lib/api/with-api';
import { entitlementAnswer, entitlementCheckBody } from '@/lib/schemas/entitlements';
import { checkEntitlement, entitlementRefOf } from '@/lib/server/entitlements/check-entitlement';
import { reserveEntitlement } from '@/lib/server/entitlements/reserve-entitlement';

export const POST = withApi({
  auth: 'token',
  schemas: { body: entitlementCheckBody, response: entitlementAnswer },
  bodyLimitBytes: 16 * 1024,
  handler: ({ body }) => {
    const ref = entitlementRefOf(body);
    return body.reserve
      ? reserveEntitlement(ref, body.meter, body.quantity, body.idempotencyKey!)
      : checkEntitlement(ref, body.meter, body.quantity);
  },
});
