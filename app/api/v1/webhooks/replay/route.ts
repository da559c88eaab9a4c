// POST /api/v1/webhooks/replay — replay every failed / dead inbox event matching a filter, audited (admin)
import { withApi } from '@/lib/api/with-api';
import { webhookBulkReplayBody, webhookBulkReplayResponse } from '@/lib/schemas/webhooks';
import { replayWebhookEvents } from '@/lib/server/webhooks/replay-webhook-events';

export const POST = withApi({
  auth: 'session',
  capability: 'webhooks.replay',
  schemas: { body: webhookBulkReplayBody, response: webhookBulkReplayResponse },
  handler: ({ user, body, requestId }) => replayWebhookEvents(user, body, requestId),
});
