import { getDb } from '@/lib/db';
import { explainStoredInvoice } from '@/lib/server/invoices/explain-stored-invoice';
import { INVOICE_EXPLAINER } from '@/lib/server/invoices/explanation-records';
import { defineAgent, TriggerNotReadyError } from '../define-agent';
import { markFailureRecorded } from '../run-agent';

// The invoice explainer (convention 7): when an invoice is created or finalized it explains it —
// fact sheet with last month's invoice → model or built-in writer, every number checked, one
// regeneration, then the built-in writer — through the same domain function as the on-demand
// route, which stores explanation, decision record and audit event in one transaction.
export const invoiceExplainer = defineAgent({
  ...INVOICE_EXPLAINER,
  title: 'Invoice Explainer',
  description: 'Explains each new or finalized invoice in plain words, every number checked against its facts.',
  triggers: [{ on: 'webhook', events: ['invoice.created', 'invoice.finalized'] }, { on: 'on_demand' }],
  job: { retryLimit: 4, retryDelaySeconds: 5, concurrency: 2 },
  run: async (ctx) => {
    // `objectId` is Tollgate's invoice id or the billing platform's (in_…). The platform already
    // waited for the triggering webhook event; a missing row means its transaction is still open.
    const id = ctx.input.objectId ?? '';
    const invoice = await getDb().invoice.findFirst({
      where: { OR: [{ id }, { externalId: id }] },
      select: { id: true },
    });
    if (!invoice)
      throw new TriggerNotReadyError(
        `Invoice ${id} is not stored (yet); the job retries in case its transaction has not committed`,
      );
    const ref = ctx.input.sourceRef ?? `invoices:${invoice.id}`;
    // One trigger deserves one explanation (pg-boss may deliver a job twice).
    if (!ctx.input.sourceRef && (await ctx.alreadyDecided(ref))) return;
    try {
      await explainStoredInvoice({
        invoiceId: invoice.id,
        trigger: { type: ctx.trigger.type, ref },
        actor: { type: 'agent', ...ctx.agent },
      });
    } catch (err) {
      markFailureRecorded(err); // explainStoredInvoice recorded the failed decision itself
      throw err;
    }
  },
});
