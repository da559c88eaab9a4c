// POST /api/v1/usage — ingest one usage event or a batch of up to 1,000 (ingest token)
import { replyResponse } from '@/lib/api/api-reply';
import { usageEndpoint } from '@/lib/api/endpoints/usage-endpoint';
import { requestBodySource } from '@/lib/api/read-json-body';
import { withApi } from '@/lib/api/with-api';

// The request → reply logic is shared with the gateway process (lib/gateway); see usageEndpoint.
export const POST = withApi({
  auth: 'token',
  handler: async ({ req, caller, requestId }) =>
    replyResponse(await usageEndpoint.handle(caller, requestBodySource(req), requestId), requestId),
});
