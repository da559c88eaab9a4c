import type { StripeEventEnvelope } from '@/lib/server/billing/stripe/normalize/stripe-records';
import {
  fetchStripeObject,
  REFETCHABLE_OBJECT_TYPES,
  type RefetchableObjectType,
} from '@/lib/server/billing/stripe/fetch-stripe-object';
import { resolveStripeClient } from '@/lib/server/billing/stripe/resolve-stripe-client';

// With a Stripe key resolved (env or console), the event's object is read again from Stripe and the
// fetched object replaces data.object: the payload is only a trigger (convention 6). The event's
// own id, type and `created` are kept, so the ordering rule still guards the write. Without a
// key, the payload is used as is. A failed fetch throws: the job retries it.
export async function refetchStripeEvent(
  event: StripeEventEnvelope,
): Promise<{ event: StripeEventEnvelope; refetched: boolean }> {
  const stripe = await resolveStripeClient();
  const object = event.data?.object;
  const type = typeof object?.object === 'string' ? object.object : null;
  const id = typeof object?.id === 'string' ? object.id : null;
  if (!stripe || !type || !id || !REFETCHABLE_OBJECT_TYPES.includes(type)) return { event, refetched: false };
  const fetched = await fetchStripeObject(stripe, type as RefetchableObjectType, id);
  return { event: { ...event, data: { ...event.data, object: fetched } }, refetched: true };
}
