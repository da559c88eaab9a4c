import { z } from 'zod';

// A Recurly JSON webhook (v2021-02-25 sites): ids only, never the object itself —
// `{ id, object_type, site_id, event_type, event_time, … }` where `id` is the object's own id
// and the rest name it again (account_code on account events, uuid on subscriptions,
// invoice_number on invoices). Loose: Recurly adds identifiers per object type.
export const recurlyNotificationSchema = z.looseObject({
  id: z.string().min(1),
  object_type: z.string().min(1),
  event_type: z.string().min(1),
  event_time: z.iso.datetime({ offset: true }),
  site_id: z.string().nullish(),
  account_code: z.string().nullish(),
  uuid: z.string().nullish(),
});
export type RecurlyNotification = z.infer<typeof recurlyNotificationSchema>;

/** `subscription.created`, `charge_invoice.paid`: the type the inbox stores and dispatches on. */
export const notificationType = (n: RecurlyNotification) => `${n.object_type}.${n.event_type}`;

/*
 * The inbox's event id. A notification has no id of its own, but a redelivery is the very same
 * body: type, object id and event time together name one notification, so a retried delivery is
 * stored once. Two notifications of one type on one object within the same second would share
 * it; the second is then a duplicate, which is harmless, since both re-fetch the same object.
 */
export const notificationEventId = (n: RecurlyNotification) => `${notificationType(n)}:${n.id}:${n.event_time}`;
