import { getDb } from '@/lib/db';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { uniquePlanKey } from '@/lib/server/billing/stripe/import/create-plans-from-prices';
import { planKeyFor } from '@/lib/server/billing/stripe/import/plan-key';

type ItemPrice = Record<string, unknown>;

// An item price of a plan item becomes a Tollgate plan (its base price), as a licensed Stripe
// price does, so subscriptions on it resolve to that plan. A plan already mapped to the item
// price is left as it is (an admin may have renamed or ranked it): re-running adds nothing.
// Add-on and charge item prices have no plan of their own; they are read and not stored yet.
export async function upsertChargebeeItemPrice(itemPrice: ItemPrice, runId: string): Promise<string | null> {
  if (itemPrice.item_type !== 'plan') return null;
  if (itemPrice.status && itemPrice.status !== 'active') return null;
  const externalId = String(itemPrice.id);
  const db = getDb();
  if (await db.plan.findUnique({ where: { externalId }, select: { id: true } })) return null;
  if (typeof itemPrice.price !== 'number') {
    return `item price ${externalId} (${String(itemPrice.pricing_model)}) has no flat price: map it to a plan by hand`;
  }
  const interval = typeof itemPrice.period_unit === 'string' ? itemPrice.period_unit : 'month';
  const name = String(itemPrice.external_name || itemPrice.name || externalId);
  await db.$transaction(async (tx) => {
    const plan = await tx.plan.create({
      data: {
        key: await uniquePlanKey(tx, planKeyFor(name, interval)),
        name,
        externalId,
        currency: String(itemPrice.currency_code ?? 'usd').toLowerCase(),
        basePriceMinor: itemPrice.price as number,
        interval,
      },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'system', id: 'chargebee-import' },
      action: 'plan.created',
      target: { type: 'plan', id: plan.id },
      sourceRef: `stripe_import_runs:${runId}`,
      after: { key: plan.key, name, externalId },
    });
  });
  return null;
}
