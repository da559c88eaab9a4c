import { z } from 'zod';
import { pageQuery, pageOf } from './common';

export const invoiceSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  customer: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']),
  currency: z.string(),
  total: z.number().int(),
  amountDue: z.number().int(),
  amountRemaining: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  attemptCount: z.number().int(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;

export const invoiceListQuery = pageQuery.extend({
  status: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']).optional(),
  customerId: z.string().max(100).optional(),
});
export const invoiceListResponse = pageOf(invoiceSummary);

// ---------------------------------------------------------------------------------------------
// Invoice page and explanations

const invoiceStatus = z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']);

export const invoiceLineView = z.object({
  id: z.string(),
  kind: z.enum(['usage', 'flat', 'proration', 'credit', 'discount', 'tax', 'other']),
  description: z.string(),
  meter: z.object({ key: z.string(), name: z.string() }).nullable(),
  quantity: z.number().nullable(),
  includedQuantity: z.number().nullable(),
  /** Minor units per unit, may be fractional. */
  unitAmount: z.number().nullable(),
  amount: z.number().int(),
  proration: z.boolean(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
});

/** The writer explanations come from with the current configuration. */
export const explanationWriterView = z.object({
  kind: z.enum(['model', 'builtin']),
  provider: z.string(),
  modelId: z.string(),
  label: z.string(),
  /** Why a configured model is not used, if so. */
  reason: z.string().nullable(),
});

export const invoiceDetail = invoiceSummary.extend({
  externalId: z.string().nullable(),
  status: invoiceStatus,
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  creditTotal: z.number().int(),
  tax: z.number().int(),
  amountPaid: z.number().int(),
  hostedUrl: z.string().nullable(),
  lines: z.array(invoiceLineView),
  previousInvoice: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
  writer: explanationWriterView,
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;

/** A run of text; numbers carry the fact they state (`source`: "meter.api_calls.amount = $1,234.50"). */
export const textSegment = z.object({
  text: z.string(),
  factId: z.string().nullable().optional(),
  label: z.string().optional(),
  source: z.string().optional(),
});
export const attributedText = z.object({ text: z.string(), segments: z.array(textSegment) });
export type AttributedText = z.infer<typeof attributedText>;

export const changeDriverView = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  amount: z.number().int(),
  display: z.string(),
  factId: z.string(),
});

export const explanationChangeView = z.object({
  currency: z.string(),
  previousInvoiceId: z.string(),
  previousInvoiceNumber: z.string().nullable(),
  previousTotal: z.string(),
  total: z.string(),
  totalChange: z.object({ amount: z.number().int(), display: z.string(), factId: z.string() }),
  totalChangePercent: z.string().nullable(),
  /** Non-zero drivers; their amounts sum exactly to totalChange.amount. */
  drivers: z.array(changeDriverView),
});

export const explanationAttemptView = z.object({
  attempt: z.number().int(),
  source: z.enum(['model', 'builtin']),
  provider: z.string(),
  modelId: z.string().nullable(),
  ok: z.boolean(),
  unverified: z.array(z.string()),
  issues: z.array(z.string()),
});

export const explanationView = z.object({
  id: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  agentRunId: z.string().nullable(),
  createdAt: z.string(),
  source: z.enum(['model', 'builtin']),
  writerLabel: z.string(),
  provider: z.string(),
  modelId: z.string().nullable(),
  promptVersion: z.string(),
  fallbackReason: z.enum(['not_configured', 'ungrounded', 'model_error']).nullable(),
  verdict: z.object({
    ok: z.boolean(),
    numbers: z.number().int(),
    verified: z.number().int(),
    attempts: z.array(explanationAttemptView),
  }),
  summary: attributedText,
  lines: z.array(attributedText.extend({ lineId: z.string(), description: z.string() })),
  changes: z.array(attributedText),
  change: explanationChangeView.nullable(),
  warnings: z.array(z.string()),
  markdown: z.string(),
});
export type ExplanationView = z.infer<typeof explanationView>;

export const explanationListQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export const explanationListResponse = z.object({ items: z.array(explanationView) });

export const customerExplanationListResponse = z.object({
  items: z.array(
    explanationView.extend({
      invoice: invoiceSummary.pick({
        id: true,
        number: true,
        status: true,
        currency: true,
        total: true,
        periodStart: true,
        periodEnd: true,
      }),
    }),
  ),
});

export const shareToSlackBody = z.object({
  /** Which explanation to share; the latest when omitted. */
  explanationId: z.string().min(1).max(100).optional(),
  /** A Slack integration (Settings → Integrations); the first enabled one when omitted. */
  integrationId: z.string().min(1).max(100).optional(),
});
export const shareToSlackResponse = z.object({
  outcome: z.enum(['suppressed', 'observed', 'drafted', 'auto_approved', 'refused']),
  actionId: z.string().nullable(),
  reason: z.string(),
  explanationId: z.string(),
});

/**
 * POST /api/v1/invoices/:id/explanations/stream answers text/plain: the draft text as it is
 * written, then this separator, then one JSON object (explanationStreamResult, or an error envelope).
 */
export const EXPLANATION_STREAM_SEPARATOR = '\u001e';
export const explanationStreamResult = z.object({ explanation: explanationView, streamedDraftAccepted: z.boolean() });
export type ExplanationStreamResult = z.infer<typeof explanationStreamResult>;
