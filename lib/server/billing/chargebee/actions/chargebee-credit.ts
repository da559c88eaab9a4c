import type Chargebee from 'chargebee';
import type { z } from 'zod';
import type { creditPayload } from '@/lib/schemas/action-payloads';
import { ProviderError, type ExecutionResult, type ExecutionTarget, type InvoiceTarget } from '../../billing-provider';
import { toChargebeeProviderError } from '../chargebee-errors';

type CreditPayload = z.infer<typeof creditPayload>;
type Invoice = InvoiceTarget['invoice'] | null;

// Chargebee credit notes carry no metadata, so the execution key travels in the line's
// description ("… · ref tollgate-action-…-r1"): the read-back finds the note by it, and the
// customer sees it as a reference on the note.
const refTag = (t: ExecutionTarget) => `ref ${t.idempotencyKey}`;

function invoiceIdOf(invoice: Invoice): string {
  if (!invoice?.externalId) {
    throw new ProviderError('The invoice has no Chargebee id to credit', 'missing_external_id', false, false);
  }
  return invoice.externalId;
}

function notOnChargebee(): never {
  throw new ProviderError(
    'A balance credit is not available on Chargebee yet: credit an invoice (credit note) instead',
    'not_supported_on_platform',
    false,
    false,
  );
}

async function chargebeeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toChargebeeProviderError(err);
  }
}

const resultOf = (note: { id: string; total?: number }, summary: string): ExecutionResult => ({
  provider: 'chargebee',
  ref: note.id,
  summary,
  data: { creditNoteId: note.id, amount: note.total ?? null },
});

/*
 * `credit` on Chargebee: a credit note against the invoice, sent with the action's execution key
 * as chargebee-idempotency-key, so a retry after a lost answer gets the first note back instead
 * of a second one. An invoice with enough left to pay takes an adjustment note (it lowers what is
 * due); a paid one a refundable note (credit the customer can be refunded or use later).
 */
export const chargebeeCredit = {
  async apply(cb: Chargebee, t: ExecutionTarget, payload: unknown, target: unknown): Promise<ExecutionResult> {
    const p = payload as CreditPayload;
    const invoice = target as Invoice;
    if (p.mode !== 'credit_note') notOnChargebee();
    const referenceInvoiceId = invoiceIdOf(invoice);
    const type = (invoice?.amountRemaining ?? 0) >= p.amountMinor ? 'adjustment' : 'refundable';
    const { credit_note: note } = await chargebeeCall(() =>
      cb.creditNote.create(
        {
          reference_invoice_id: referenceInvoiceId,
          type,
          reason_code:
            p.reasonCode === 'service_issue' || p.reasonCode === 'sla_breach' ? 'service_unsatisfactory' : 'other',
          line_items: [
            {
              entity_type: 'adhoc',
              amount: p.amountMinor,
              description: `${p.memo || `Credit (${p.reasonCode})`} · ${refTag(t)}`,
            },
          ],
          comment: `Tollgate action ${t.actionId}`,
        },
        { 'chargebee-idempotency-key': t.idempotencyKey },
      ),
    );
    return resultOf(note, `Credit note ${note.id} for ${p.amountMinor} ${p.currency} (${type})`);
  },

  // The read-back for an ambiguous outcome: every credit note on the invoice, page by page, for
  // the one whose line carries this execution's reference.
  async find(cb: Chargebee, t: ExecutionTarget, payload: unknown, target: unknown): Promise<ExecutionResult | null> {
    const p = payload as CreditPayload;
    if (p.mode !== 'credit_note') notOnChargebee();
    const referenceInvoiceId = invoiceIdOf(target as Invoice);
    let offset: string | undefined;
    do {
      const page = await chargebeeCall(() =>
        cb.creditNote.list({
          reference_invoice_id: { is: referenceInvoiceId },
          limit: 100,
          ...(offset ? { offset } : {}),
        }),
      );
      const hit = page.list
        .map((entry) => entry.credit_note)
        .find((note) => note.line_items?.some((line) => line.description?.includes(refTag(t))));
      if (hit) return resultOf(hit, `Credit note ${hit.id} found at Chargebee`);
      offset = page.next_offset;
    } while (offset);
    return null;
  },
};
