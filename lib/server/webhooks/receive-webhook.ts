import { ApiError, notFound } from '@/lib/errors';
import type { WebhookReceiveResponse } from '@/lib/schemas/webhooks';
import { enqueueWebhookEvent } from './enqueue-webhook-event';
import { recordWebhookEvent } from './record-webhook-event';
import { findWebhookSource } from './webhook-sources';

// Verify → record → enqueue (convention 6), for every source. A delivery that is not authentic
// is a 400 with its code and nothing is stored; once authentic it is stored and answered 2xx
// whatever its body, so the sender never gives up on an event we could process after an upgrade.
// The answer is sent only after the inbox row is committed; a redelivery answers 200 with
// duplicate=true and no effect.
export async function receiveWebhook(
  sourceId: string,
  rawBody: string,
  headers: Headers,
): Promise<WebhookReceiveResponse> {
  const source = findWebhookSource(sourceId);
  if (!source) throw notFound('Webhook source');
  const verified = await source.verify(rawBody, headers);
  if (!verified.ok) throw new ApiError(verified.status, verified.code, verified.message);

  const recorded = await recordWebhookEvent(source, rawBody);
  if (recorded.inserted && recorded.status === 'received') await enqueueWebhookEvent(recorded.id);
  return { received: true, id: recorded.id, duplicate: !recorded.inserted, status: recorded.status };
}
