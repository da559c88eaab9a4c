import type { Client, LineItem, LineItemCreate } from 'recurly';
import type { z } from 'zod';
import { minorToMajor } from '@/lib/money';
import type { creditPayload } from '@/lib/schemas/action-payloads';
import { ProviderError, type ExecutionResult, type ExecutionTarget, type InvoiceTarget } from '../../billing-provider';
import { toRecurlyProviderError } from '../recurly-errors';
import { paramsOfNext, readRecurlyPage } from '../import/read-recurly-page';

type CreditPayload = z.infer<typeof creditPayload>;
type Invoice = InvoiceTarget['invoice'] | null;

// The SDK's methods take a third `options` argument ({ headers, params }) that its .d.ts leaves
// out: createLineItem is typed here with it, so the Idempotency-Key header goes through the SDK.
type CreateLineItem = (
  accountId: string,
  body: LineItemCreate,
  options: { headers: Record<string, string> },
) => Promise<LineItem>;

// Recurly line items carry no metadata, so the execution key travels in the description
// ("… · ref tollgate-action-…-r1"): the read-back finds the credit by it, and the customer sees
// it as a reference on the credit.
const refTag = (t: ExecutionTarget) => `ref ${t.idempotencyKey}`;

function accountIdOf(t: ExecutionTarget): string {
  if (!t.customer.externalId) {
    throw new ProviderError('The customer has no Recurly account id to credit', 'missing_external_id', false, false);
  }
  return t.customer.externalId;
}

async function recurlyCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toRecurlyProviderError(err);
  }
}

const resultOf = (line: LineItem, summary: string): ExecutionResult => ({
  provider: 'recurly',
  ref: line.id ?? '',
  summary,
  data: { lineItemId: line.id ?? null, amount: line.amount ?? null, currency: line.currency ?? null },
});

/*
 * `credit` on Recurly: a credit adjustment on the customer's account (a line item of type
 * credit), sent with the action's execution key as Idempotency-Key, so a retry after a lost
 * answer gets the first adjustment back instead of a second one. Recurly applies a pending
 * credit to the account's next charge invoice; a credit against an invoice names that invoice
 * in its description (Recurly has no credit note that lowers an issued invoice's balance in one
 * call: that is a refund of the invoice, not built).
 */
export const recurlyCredit = {
  async apply(client: Client, t: ExecutionTarget, payload: unknown, target: unknown): Promise<ExecutionResult> {
    const p = payload as CreditPayload;
    const invoice = target as Invoice;
    const accountId = accountIdOf(t);
    const against = p.mode === 'credit_note' && invoice?.externalId ? ` for invoice ${invoice.externalId}` : '';
    const createLineItem = client.createLineItem.bind(client) as CreateLineItem;
    const line = await recurlyCall(() =>
      createLineItem(
        accountId,
        {
          type: 'credit',
          currency: p.currency.toUpperCase(),
          unitAmount: minorToMajor(p.amountMinor, p.currency),
          quantity: 1,
          description: `${p.memo || `Credit (${p.reasonCode})`}${against} · ${refTag(t)}`,
          creditReasonCode: p.reasonCode === 'service_issue' || p.reasonCode === 'sla_breach' ? 'service' : 'general',
        },
        { headers: { 'Idempotency-Key': t.idempotencyKey } },
      ),
    );
    return resultOf(line, `Credit adjustment ${line.id} for ${p.amountMinor} ${p.currency} on account ${accountId}`);
  },

  // The read-back for an ambiguous outcome: the account's credit line items, page by page, for
  // the one whose description carries this execution's reference.
  async find(client: Client, t: ExecutionTarget): Promise<ExecutionResult | null> {
    const accountId = accountIdOf(t);
    let next: string | null = null;
    do {
      const options: { params: Record<string, string | number> } = {
        params: next ? paramsOfNext(next) : { limit: 200, type: 'credit' },
      };
      const page = await recurlyCall(() => readRecurlyPage(client.listAccountLineItems(accountId, options)));
      const hit = page.data.find((line) => line.description?.includes(refTag(t)));
      if (hit) return resultOf(hit, `Credit adjustment ${hit.id} found at Recurly`);
      next = page.next;
    } while (next);
    return null;
  },
};
