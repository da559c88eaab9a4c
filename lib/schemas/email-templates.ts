import { z } from 'zod';

// The e-mail templates an `email` action may name, with the facts each one shows. Client-safe:
// the approval panel reads it to label a draft, the server renders it (lib/server/email/templates).
// `transactional` mail (about money the customer owes or is owed) is sent even to an address that
// unsubscribed; the rest carries List-Unsubscribe and respects unsubscribes.

const httpsLink = z.url({ protocol: /^https?$/ }).max(2000);
const minor = z.number().int().min(0).max(100_000_000);
const currency = z.string().regex(/^[a-z]{3}$/);

export const upgradeOfferData = z.object({
  planName: z.string().min(1).max(100),
  currentPlanName: z.string().max(100).optional(),
  priceMinor: minor.optional(),
  currency: currency.optional(),
  interval: z.enum(['month', 'year']).optional(),
  // The quote or checkout link the customer accepts the offer with.
  link: httpsLink,
  expiresOn: z.iso.date().optional(),
});

export const dunningStepData = z.object({
  invoiceNumber: z.string().min(1).max(100),
  amountDueMinor: minor,
  currency,
  dueDate: z.iso.date().optional(),
  attempt: z.number().int().min(1).max(20).optional(),
  // The hosted invoice page or the billing portal, where the customer pays or updates the card.
  link: httpsLink,
});

export const slaCreditData = z.object({
  periodLabel: z.string().min(1).max(100),
  targetPercent: z.number().min(0).max(100),
  measuredPercent: z.number().min(0).max(100),
  downtimeMinutes: z.number().int().min(0).optional(),
  // What the credit is a share of (e.g. the month's subscription fee) and the share.
  baseMinor: minor,
  creditPercent: z.number().min(0).max(100),
  creditMinor: minor,
  currency,
  invoiceNumber: z.string().max(100).optional(),
});

export const weeklyDigestData = z.object({
  weekOf: z.iso.date(),
  metrics: z
    .array(
      z.object({
        label: z.string().min(1).max(80),
        value: z.string().min(1).max(80),
        note: z.string().max(200).optional(),
      }),
    )
    .max(12),
  link: httpsLink.optional(),
});

// replyTo: who answers a reply — the customer's account owner (customer metadata
// `accountOwnerEmail`, when known) for sales and success mail, the billing desk (EMAIL_REPLY_TO)
// for mail about money. A payload's own `replyTo` wins over both.
export const EMAIL_TEMPLATES = {
  plain: { label: 'Plain message', transactional: false, replyTo: 'account_owner', data: z.object({}).strict() },
  upgrade_offer: { label: 'Upgrade offer', transactional: false, replyTo: 'account_owner', data: upgradeOfferData },
  dunning_step: { label: 'Dunning step', transactional: true, replyTo: 'billing', data: dunningStepData },
  sla_credit: { label: 'SLA credit notice', transactional: true, replyTo: 'billing', data: slaCreditData },
  weekly_digest: { label: 'Weekly digest', transactional: false, replyTo: 'account_owner', data: weeklyDigestData },
} as const;

export type EmailTemplateId = keyof typeof EMAIL_TEMPLATES;
export const emailTemplateId = z.enum(Object.keys(EMAIL_TEMPLATES) as [EmailTemplateId, ...EmailTemplateId[]]);

export type EmailTemplateData<T extends EmailTemplateId> = z.infer<(typeof EMAIL_TEMPLATES)[T]['data']>;

export const isTransactional = (template: EmailTemplateId | undefined) =>
  EMAIL_TEMPLATES[template ?? 'plain'].transactional;
