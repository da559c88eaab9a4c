import { getDb, type Tx } from '@/lib/db';
import type { BillingProvider, ExecutionResult, ExecutionTarget } from './billing-provider';

// The built-in billing provider, used when no Stripe key is configured: effects are recorded as
// ledger entries keyed by the action's idempotency key, so a repeated call finds the first entry
// instead of writing a second. What each kind records is its definition's `execute.billing.ledger`.
export function createLedgerProvider(): BillingProvider {
  return { name: 'ledger' };
}

export async function recordLedgerEntry(
  tx: Tx,
  t: ExecutionTarget,
  entry: { kind: string; amountMinor: number; currency: string; data: Record<string, unknown> },
): Promise<ExecutionResult> {
  const existing = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: t.idempotencyKey } });
  const row =
    existing ??
    (await tx.ledgerEntry.create({
      data: {
        customerId: t.customer.id,
        actionId: t.actionId,
        kind: entry.kind,
        amountMinor: entry.amountMinor,
        currency: entry.currency,
        data: entry.data as object,
        idempotencyKey: t.idempotencyKey,
      },
    }));
  return {
    provider: 'ledger',
    ref: row.id,
    summary: `Ledger ${row.kind} recorded${existing ? ' (already present)' : ''}`,
    data: row.data as Record<string, unknown>,
  };
}

/** Has this key's effect been recorded? Ledger keys never expire, so this is exact. */
export async function findLedgerEntry(t: ExecutionTarget): Promise<ExecutionResult | null> {
  const entry = await getDb().ledgerEntry.findUnique({ where: { idempotencyKey: t.idempotencyKey } });
  return entry ? { provider: 'ledger', ref: entry.id, summary: `Ledger ${entry.kind} found` } : null;
}
