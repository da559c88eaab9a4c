import { z } from 'zod';
import { emailPayload } from './action-payloads';

// Contracts of the e-mail routes: unsubscribe, preview, and the delivery records the console shows.

export const unsubscribeQuery = z.object({ token: z.string().min(10).max(500) });
export const unsubscribeResult = z.object({ unsubscribed: z.literal(true), address: z.string() });

export const emailPreviewBody = z.object({
  payload: emailPayload,
  customerId: z.string().min(1).nullable().optional(),
});
export const emailPreview = z.object({
  subject: z.string(),
  from: z.string(),
  replyTo: z.string().nullable(),
  to: z.string(),
  transactional: z.boolean(),
  headers: z.record(z.string(), z.string()),
  html: z.string(),
  text: z.string(),
});
export type EmailPreview = z.infer<typeof emailPreview>;

export const emailDeliveryStatus = z.enum([
  'queued',
  'handing_off',
  'accepted',
  'delivered',
  'opened',
  'bounced',
  'complained',
  'failed',
  'suppressed',
  'unknown',
]);
export type EmailDeliveryStatus = z.infer<typeof emailDeliveryStatus>;

export const emailDeliveryView = z.object({
  id: z.string(),
  messageId: z.string(),
  actionId: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  transport: z.string().nullable(),
  status: emailDeliveryStatus,
  detail: z.string().nullable(),
  createdAt: z.string(),
  lastEventAt: z.string().nullable(),
  events: z.array(z.object({ type: z.string(), detail: z.string().nullable(), occurredAt: z.string() })),
  /** The one manual resend of an e-mail whose delivery was unknown, if any. */
  resend: z
    .object({ status: z.string(), response: z.string().nullable(), requestedAt: z.string() })
    .nullable()
    .optional(),
  /** True when this viewer may resend it now (delivery unknown, not resent, email.resend). */
  canResend: z.boolean().optional(),
});
export type EmailDeliveryView = z.infer<typeof emailDeliveryView>;

export const emailDeliveriesQuery = z
  .object({ customerId: z.string().min(1).optional(), actionId: z.string().min(1).optional() })
  .refine((q) => Boolean(q.customerId || q.actionId), 'customerId or actionId is required');
export const emailDeliveriesResponse = z.object({ items: z.array(emailDeliveryView) });

export const resendEmailBody = z.object({
  /** The console's confirmation: the first copy may have arrived, so this may be a duplicate. */
  acknowledgeDuplicateRisk: z.literal(true),
});
export const resendEmailResult = z.object({
  status: z.enum(['accepted', 'failed']),
  transport: z.string().nullable(),
  response: z.string(),
  providerMessageId: z.string().nullable(),
});
