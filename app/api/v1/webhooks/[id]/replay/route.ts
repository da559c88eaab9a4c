// POST /api/v1/webhooks/:id/replay — reset an inbox event and process it again, audited (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { webhookReplayResponse } from '@/lib/schemas/webhooks';
import { replayWebhookEvent } from '@/lib/server/webhooks/replay-webhook-event';

export const POST = withApi({
  auth: 'session',
  capability: 'webhooks.replay',
  schemas: { params: idParams, response: webhookReplayResponse },
  handler: ({ user, params, requestId }) => replayWebhookEvent(user, params.id, requestId),
});
