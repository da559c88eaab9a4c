// GET /api/v1/webhooks/:id — one inbox event with its payload (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { webhookEventDetail } from '@/lib/schemas/webhooks';
import { getWebhookEvent } from '@/lib/server/webhooks/get-webhook-event';

export const GET = withApi({
  auth: 'session',
  capability: 'webhooks.read',
  schemas: { params: idParams, response: webhookEventDetail },
  handler: ({ params }) => getWebhookEvent(params.id),
});
