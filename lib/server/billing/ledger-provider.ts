import { getDb, type Tx } from '@/lib/db';
import { notifyEntitlementsChanged } from '@/lib/server/entitlements/notify-entitlements-changed';
import type { BillingProvider, ExecutionResult, ExecutionTarget } from './billing-provider';

// The built-in billing provider, used when no Stripe key is configured: effects are recorded as
// ledger entries keyed by the action's idempotency key, so a repeated call finds the first entry
// instead of writing a second. A plan change also moves the local subscription, since without a
// billing platform the console's own state is the truth.

async function record(
  tx: Tx,
  t: ExecutionTarget,
  kind: string,
  amountMinor: number,
  currency: string,
  data: Record<string, unknown>,
): Promise<ExecutionResult> {
  const existing = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: t.idempotencyKey } });
  const entry =
    existing ??
    (await tx.ledgerEntry.create({
      data: {
        customerId: t.customer.id,
        actionId: t.actionId,
        kind,
        amountMinor,
        currency,
        data: data as object,
        idempotencyKey: t.idempotencyKey,
      },
    }));
  return {
    provider: 'ledger',
    ref: entry.id,
    summary: `Ledger ${entry.kind} recorded${existing ? ' (already present)' : ''}`,
    data: entry.data as Record<string, unknown>,
  };
}

export function createLedgerProvider(): BillingProvider {
  const db = () => getDb();
  return {
    name: 'ledger',

    issueCredit: (t, p, invoice) =>
      db().$transaction((tx) =>
        record(tx, t, p.mode === 'credit_note' ? 'credit_note' : 'balance_credit', -p.amountMinor, p.currency, {
          reasonCode: p.reasonCode,
          memo: p.memo,
          invoiceId: invoice?.id ?? null,
        }),
      ),

    changePlan: (t, p, target) =>
      db().$transaction(async (tx) => {
        const already = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: t.idempotencyKey } });
        if (!already && p.effective === 'now') {
          await tx.subscription.update({ where: { id: target.subscription.id }, data: { planId: target.toPlan.id } });
          await notifyEntitlementsChanged(tx, [t.customer.id]);
        }
        return record(tx, t, 'plan_change', 0, 'usd', {
          from: p.fromPlanKey,
          to: p.toPlanKey,
          proration: p.proration,
          effective: p.effective,
        });
      }),

    runDunningStep: (t, p, target) =>
      db().$transaction((tx) =>
        record(tx, t, `dunning_${p.step}`, 0, target.invoice.currency, {
          invoiceId: target.invoice.id,
          graceDays: p.graceDays ?? null,
        }),
      ),

    async findExecution(t) {
      const entry = await db().ledgerEntry.findUnique({ where: { idempotencyKey: t.idempotencyKey } });
      return entry ? { provider: 'ledger', ref: entry.id, summary: `Ledger ${entry.kind} found` } : null;
    },
  };
}
