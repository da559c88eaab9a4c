// POST /api/v1/entitlements/check — may this customer use this meter now? Optionally reserve (ingest token)
import { replyResponse } from '@/lib/api/api-reply';
import { entitlementCheckEndpoint } from '@/lib/api/endpoints/entitlement-check-endpoint';
import { requestBodySource } from '@/lib/api/read-json-body';
import { withApi } from '@/lib/api/with-api';

// The request → reply logic is shared with the gateway process (lib/gateway); see entitlementCheckEndpoint.
export const POST = withApi({
  auth: 'token',
  handler: async ({ req, caller, requestId }) =>
    replyResponse(await entitlementCheckEndpoint.handle(caller, requestBodySource(req), requestId), requestId),
});
