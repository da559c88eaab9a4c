// POST /api/webhooks/:source — inbound events of every source (stripe …): verify the raw body, store, enqueue
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { ApiError } from '@/lib/errors';
import { readTextCapped } from '@/lib/api/read-json-body';
import { webhookReceiveResponse } from '@/lib/schemas/webhooks';
import { receiveWebhook } from '@/lib/server/webhooks/receive-webhook';

// Events are a few kilobytes; 1 MB leaves room for large invoices and stops abuse.
const BODY_LIMIT_BYTES = 1024 * 1024;

export const POST = withApi({
  auth: 'webhook',
  schemas: { params: z.object({ source: z.string().max(40) }), response: webhookReceiveResponse },
  handler: async ({ req, params }) => {
    if (Number(req.headers.get('content-length') ?? '0') > BODY_LIMIT_BYTES) {
      throw new ApiError(413, 'body_too_large', `The request body is larger than ${BODY_LIMIT_BYTES} bytes`);
    }
    // The exact bytes the sender signed: never parse and re-serialise before verifying.
    const rawBody = await readTextCapped(req, BODY_LIMIT_BYTES);
    return receiveWebhook(params.source, rawBody, req.headers);
  },
});
