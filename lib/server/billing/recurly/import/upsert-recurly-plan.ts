import type { Plan } from 'recurly';
import { getDb } from '@/lib/db';
import { majorToMinor } from '@/lib/money';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { uniquePlanKey } from '@/lib/server/billing/stripe/import/create-plans-from-prices';
import { planKeyFor } from '@/lib/server/billing/stripe/import/plan-key';

// Recurly's interval units (plural) in the singular Tollgate's plans use.
const INTERVAL: Record<string, string> = { months: 'month', days: 'day' };

// A Recurly plan becomes a Tollgate plan (keyed by the plan's id, which subscriptions name), its
// base price the first currency's unit amount. A plan already mapped is left as it is (an admin
// may have renamed or ranked it): re-running adds nothing. An inactive plan is not created.
export async function upsertRecurlyPlan(plan: Plan, runId: string): Promise<string | null> {
  if (!plan.id || (plan.state && plan.state !== 'active')) return null;
  const db = getDb();
  if (await db.plan.findUnique({ where: { externalId: plan.id }, select: { id: true } })) return null;
  const price = plan.currencies?.[0];
  if (!price?.currency || typeof price.unitAmount !== 'number') {
    return `plan ${plan.code ?? plan.id} has no price in any currency: map it to a plan by hand`;
  }
  const interval = INTERVAL[plan.intervalUnit ?? ''] ?? 'month';
  const name = plan.name || plan.code || plan.id;
  await db.$transaction(async (tx) => {
    const created = await tx.plan.create({
      data: {
        key: await uniquePlanKey(tx, planKeyFor(name, interval)),
        name,
        externalId: plan.id!,
        currency: price.currency!.toLowerCase(),
        basePriceMinor: majorToMinor(price.unitAmount!, price.currency!),
        interval,
      },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'system', id: 'recurly-import' },
      action: 'plan.created',
      target: { type: 'plan', id: created.id },
      sourceRef: `stripe_import_runs:${runId}`,
      after: { key: created.key, name, externalId: plan.id },
    });
  });
  return null;
}
