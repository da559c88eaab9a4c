import type { TokenEndpoint } from '@/lib/api/api-reply';
import { readJsonBody } from '@/lib/api/read-json-body';
import { entitlementAnswer, entitlementCheckBody } from '@/lib/schemas/entitlements';
import { checkEntitlement, entitlementRefOf } from '@/lib/server/entitlements/check-entitlement';
import { reserveEntitlement } from '@/lib/server/entitlements/reserve-entitlement';

const BODY_LIMIT_BYTES = 16 * 1024;

// POST /api/v1/entitlements/check — served by the Next route and by the gateway. The body is
// parsed through its schema (422 with issues), the answer through its own before it leaves.
export const entitlementCheckEndpoint: TokenEndpoint = {
  path: '/api/v1/entitlements/check',
  handle: async (_caller, source) => {
    const body = entitlementCheckBody.parse(await readJsonBody(source, BODY_LIMIT_BYTES));
    const ref = entitlementRefOf(body);
    const answer = body.reserve
      ? await reserveEntitlement(ref, body.meter, body.quantity, body.idempotencyKey!)
      : await checkEntitlement(ref, body.meter, body.quantity);
    const parsed = entitlementAnswer.safeParse(answer);
    // An answer that fails its own schema is our bug (500), not the caller's input (422).
    if (!parsed.success) throw new Error(`Response failed its schema: ${parsed.error.message}`);
    return { status: 200, body: parsed.data };
  },
};
