import { z } from 'zod';
import { EMAIL_TEMPLATES, emailTemplateId } from './email-templates';

// The typed parameters of each action kind. An action's revision payload is validated with its
// kind's schema when drafted, when edited, and again right before execution. Client-safe.

const minor = z.number().int().positive().max(100_000_000);
const currency = z.string().regex(/^[a-z]{3}$/, 'a lower-case ISO currency code, e.g. usd');

export const planChangePayload = z.object({
  subscriptionId: z.string().min(1),
  fromPlanKey: z.string().min(1),
  toPlanKey: z.string().min(1),
  proration: z.enum(['create_prorations', 'always_invoice', 'none']).default('create_prorations'),
  effective: z.enum(['now', 'period_end']).default('now'),
  note: z.string().max(2000).optional(),
});

export const creditPayload = z
  .object({
    amountMinor: minor,
    currency,
    reasonCode: z.enum(['sla_breach', 'billing_error', 'goodwill', 'service_issue', 'duplicate_charge', 'other']),
    // credit_note: against a finalised invoice; balance: a credit on the customer's balance.
    mode: z.enum(['credit_note', 'balance']),
    invoiceId: z.string().min(1).optional(),
    memo: z.string().max(500).default(''),
  })
  .refine((p) => p.mode !== 'credit_note' || Boolean(p.invoiceId), {
    message: 'A credit note needs the invoice it credits',
    path: ['invoiceId'],
  });

export const dunningStepPayload = z.object({
  invoiceId: z.string().min(1),
  step: z.enum(['retry_now', 'extend_grace', 'send_update_card_email', 'pause']),
  graceDays: z.number().int().min(1).max(60).optional(),
  emailTo: z.email().optional(),
  // A retry chosen for a time (the customer's local morning, after a payday): not executed before it.
  retryAt: z.iso.datetime({ offset: true }).optional(),
});

// `to`, `subject` and `body` are the whole of a plain e-mail (the shape drafts have always had);
// `template` + `templateData` pick a designed e-mail (lib/schemas/email-templates) around the body.
export const emailPayload = z
  .object({
    to: z.email(),
    subject: z.string().min(1).max(300),
    body: z.string().min(1).max(20_000),
    template: emailTemplateId.optional(),
    templateData: z.record(z.string(), z.unknown()).optional(),
    replyTo: z.email().optional(),
  })
  .superRefine((p, ctx) => {
    if (/[\r\n]/.test(p.subject))
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'one line, no line breaks' });
    const template = EMAIL_TEMPLATES[p.template ?? 'plain'];
    const data = template.data.safeParse(p.templateData ?? {});
    if (!data.success) {
      for (const issue of data.error.issues)
        ctx.addIssue({ code: 'custom', path: ['templateData', ...issue.path.map(String)], message: issue.message });
    }
  });

export const crmTaskPayload = z.object({
  title: z.string().min(1).max(300),
  body: z.string().max(10_000).default(''),
  dueDate: z.iso.date().optional(),
  owner: z.string().max(200).optional(),
});

export const slackPostPayload = z.object({
  text: z.string().min(1).max(4_000),
  // A Slack integration configured by an admin (Settings → Integrations); when omitted, the first
  // enabled Slack integration (or SLACK_WEBHOOK_URL). Never a URL: drafts cannot pick destinations.
  integrationId: z.string().min(1).max(100).optional(),
});

// The kind table (label, risk class, which schema) lives in ./action-kinds; these names stay
// importable from here for code that only needs the types.
export type { ActionKind, ActionPayload } from './action-kinds';
