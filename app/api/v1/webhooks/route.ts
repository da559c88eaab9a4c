// GET /api/v1/webhooks — the webhook inbox, newest first, filtered by status and type (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { webhookListQuery, webhookListResponse } from '@/lib/schemas/webhooks';
import { listWebhookEvents } from '@/lib/server/webhooks/list-webhook-events';

export const GET = withApi({
  auth: 'session',
  capability: 'webhooks.read',
  schemas: { query: webhookListQuery, response: webhookListResponse },
  handler: ({ query }) => listWebhookEvents(query),
});
