import { z } from 'zod';
import { getDb } from '@/lib/db';
import { defineJob } from '@/lib/server/jobs/job-definition';
import { explainStoredInvoice } from '@/lib/server/invoices/explain-stored-invoice';
import { INVOICE_EXPLAINER } from './agent-identity';

// The invoice explainer agent (convention 7): a typed definition { id, version, payloadSchema,
// handler } run as a job. It calls the same domain function as the on-demand route, which
// records every decision (AgentRun + InvoiceExplanation + audit event) in one transaction.

export const INVOICE_EXPLAINER_JOB = 'agents.invoice-explainer';

export const invoiceExplainerPayload = z.object({
  /** Tollgate invoice id, or the billing platform's id (in_…). */
  invoiceId: z.string().min(1).max(200),
  /** What started the run, e.g. `invoice.created`, `invoice.finalized`. */
  trigger: z.string().min(1).max(100),
  sourceRef: z.string().max(300).nullable().optional(),
});
export type InvoiceExplainerPayload = z.infer<typeof invoiceExplainerPayload>;

export class InvoiceNotVisibleError extends Error {
  constructor(id: string) {
    super(`Invoice ${id} is not stored (yet); the job retries in case its transaction has not committed`);
    this.name = 'InvoiceNotVisibleError';
  }
}

/** Throws (so the job retries) while the webhook event that triggered the run is still being applied. */
async function awaitTriggeringEvent(sourceRef: string | null | undefined): Promise<void> {
  const inboxId = /^webhook_events:(.+)$/.exec(sourceRef ?? '')?.[1];
  if (!inboxId) return;
  const event = await getDb().webhookEvent.findUnique({ where: { id: inboxId }, select: { status: true } });
  // The handler marks the event processed in the transaction that stores the invoice.
  if (event && ['received', 'processing', 'failed'].includes(event.status))
    throw new InvoiceNotVisibleError(`of ${sourceRef}`);
}

async function handleInvoiceExplainer(payload: InvoiceExplainerPayload): Promise<void> {
  // Webhook handlers enqueue inside their transaction: the row (or its newest version) may not
  // be visible yet, so a missing invoice or an unfinished triggering event throws and pg-boss
  // retries with backoff.
  await awaitTriggeringEvent(payload.sourceRef);
  const invoice = await getDb().invoice.findFirst({
    where: { OR: [{ id: payload.invoiceId }, { externalId: payload.invoiceId }] },
    select: { id: true },
  });
  if (!invoice) throw new InvoiceNotVisibleError(payload.invoiceId);
  const ref = payload.sourceRef ?? `invoices:${invoice.id}`;
  // Idempotent: pg-boss may deliver a job twice (singletonKey does not dedupe on standard
  // queues), and one trigger deserves one explanation.
  const done = await getDb().agentRun.findFirst({
    where: {
      agentId: INVOICE_EXPLAINER.id,
      status: 'succeeded',
      sourceRef: ref,
      trigger: { path: ['type'], equals: payload.trigger },
      explanations: { some: { invoiceId: invoice.id } },
    },
    select: { id: true },
  });
  if (done) return;
  await explainStoredInvoice({
    invoiceId: invoice.id,
    trigger: { type: payload.trigger, ref },
    actor: { type: 'agent', id: INVOICE_EXPLAINER.id, version: INVOICE_EXPLAINER.version },
  });
}

export const invoiceExplainerAgent = {
  id: INVOICE_EXPLAINER.id,
  version: INVOICE_EXPLAINER.version,
  payloadSchema: invoiceExplainerPayload,
  handler: handleInvoiceExplainer,
} as const;

export const invoiceExplainerJob = defineJob({
  name: INVOICE_EXPLAINER_JOB,
  payloadSchema: invoiceExplainerPayload,
  retryLimit: 4,
  retryDelaySeconds: 5,
  concurrency: 2,
  handler: (payload) => invoiceExplainerAgent.handler(payload),
});
