import { formatDate, formatQuantity } from '@/lib/format';
import { describeAction } from '@/lib/server/actions/describe-action';
import type { CustomerInsights } from '@/lib/server/insights/compute-customer-insights';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import type { Decision } from '../define-agent';
import { chooseUpgradePlan } from '@/lib/server/insights/choose-upgrade-plan';
import type { ThresholdChanges } from './thresholds';
import { usagePercent, writeUpgradeEmail } from './usage-analyst-texts';

/** The decision a draft belongs to, the customer, and the time the analysis is "as of". */
export interface DraftScope {
  run: Decision;
  customerId: string;
  /** Proration and periods are computed against it, not the wall clock. */
  asOf: Date;
}

// Is crossing `pct` of the included quantity organic growth (worth an upgrade) or the work of an
// anomaly (worth a review)? Not organic while an upward episode is runaway or still going on, or
// when the units above baseline during this period's upward episodes are what pushed usage over.
function judgeOrganicGrowth(m: MeterInsight, pct: number): { organic: boolean; why: string } {
  const ups = m.anomalies.filter((a) => a.direction === 'up');
  const live = ups.find((a) => a.runaway || a.ongoing);
  if (live) {
    return {
      organic: false,
      why: `${m.meterName} crossed ${pct}%, but during anomalous growth (${live.runaway ? 'runaway' : live.kind.replace('_', ' ')} since ${formatDate(new Date(live.at))}, now ${live.currentRatio.toFixed(1)}x its baseline): no upgrade proposed.`,
    };
  }
  const excess = ups.reduce((s, a) => s + a.excessInPeriod, 0);
  const without = m.used - excess;
  if (m.included && excess > 0 && without < (m.included * pct) / 100) {
    return {
      organic: false,
      why: `${m.meterName} crossed ${pct}% only because of ${formatQuantity(Math.round(excess))} ${m.unit} above baseline during anomalies; without them usage would be ${usagePercent(without / m.included)}: no upgrade proposed.`,
    };
  }
  return {
    organic: true,
    why: `${m.meterName} crossed ${pct}% of the included ${formatQuantity(m.included ?? 0)} ${m.unit} with organic growth (${usagePercent(m.utilisation ?? 0)} used, no anomalous episode behind it).`,
  };
}

const OPEN = ['proposed', 'pending_approval', 'approved', 'executing'] as const;

// Newly fired thresholds → for meters whose growth is organic: a plan_change to the smallest plan
// that fits the forecast (unless the same upgrade is already waiting) and a personalised e-mail.
// Anomalous growth gets neither: that is a review, drafted from the anomaly episodes.
export async function draftUpgradeActions(
  ctx: DraftScope,
  insights: CustomerInsights,
  customer: { name: string; email: string | null },
  fired: ThresholdChanges['fire'],
): Promise<void> {
  const notes: string[] = [];
  const crossed: { meter: CustomerInsights['meters'][number]; pct: number }[] = [];
  for (const meter of insights.meters) {
    const pcts = fired.filter((f) => f.meterId === meter.meterId).map((f) => f.pct);
    if (!pcts.length) continue;
    const pct = Math.max(...pcts);
    const judged = judgeOrganicGrowth(meter, pct);
    notes.push(judged.why);
    if (judged.organic) crossed.push({ meter, pct });
  }
  if (!crossed.length) return void ctx.run.reason(...notes);

  const sub = insights.subscription;
  const upgrade = await chooseUpgradePlan(ctx.run.tx, sub.plan, insights.meters);
  const period = new Date(sub.periodStart).toISOString();
  const ref = `usage-analyst:${ctx.customerId}:${period}:${crossed.map((c) => `${c.meter.meterKey}@${c.pct}`).join(',')}`;
  if (!upgrade) notes.push(`${sub.plan.name} is the top plan: no upgrade to propose.`);
  else {
    const payload = {
      subscriptionId: sub.id,
      fromPlanKey: sub.plan.key,
      toPlanKey: upgrade.plan.key,
      proration: 'create_prorations' as const,
      effective: 'now' as const,
    };
    const described = await describeAction(ctx.run.tx, 'plan_change', payload, ctx.customerId, ctx.asOf);
    const needs = insights.meters
      .filter((m) => m.included)
      .map(
        (m) =>
          `${m.meterName} forecast up to ${formatQuantity(Math.round(m.forecast.upper))} vs ${formatQuantity(upgrade.included[m.meterKey] ?? 0)} included`,
      );
    notes.push(
      `${upgrade.plan.name} is the smallest higher plan ${upgrade.fits ? 'that covers the top of every 80% forecast band' : '(largest available; even it may not cover the forecast)'}: ${needs.join('; ')}. ${described.headline}.`,
    );
    const open = await ctx.run.tx.action.findMany({
      where: { customerId: ctx.customerId, kind: 'plan_change', status: { in: [...OPEN] } },
      select: {
        id: true,
        currentRevision: true,
        revisions: { orderBy: { revision: 'desc' }, take: 1, select: { payload: true } },
      },
    });
    const same = open.find((a) => {
      const p = a.revisions[0]?.payload as { subscriptionId?: string; toPlanKey?: string } | undefined;
      return p?.subscriptionId === sub.id && p?.toPlanKey === upgrade.plan.key;
    });
    if (same) {
      notes.push(`The upgrade to ${upgrade.plan.name} is already waiting (action ${same.id}): not drafted again.`);
      ctx.run.skip({
        kind: 'plan_change',
        actionId: same.id,
        reason: 'same upgrade already open',
        sourceRef: ref,
      });
    } else {
      await ctx.run.propose({
        kind: 'plan_change',
        title: `Upgrade ${customer.name} to ${upgrade.plan.name}`,
        payload,
        reasoning: notes.join(' '),
        sourceRef: ref,
      });
    }
  }
  if (!customer.email) {
    notes.push('No billing e-mail on file: no e-mail drafted.');
    ctx.run.skip({ kind: 'email', actionId: null, reason: 'no customer e-mail', sourceRef: ref });
  } else {
    const mail = writeUpgradeEmail({
      customerName: customer.name,
      periodEnd: sub.periodEnd,
      currentPlan: sub.plan,
      crossed,
      upgrade,
    });
    const top = crossed.reduce((a, b) => (b.pct > a.pct ? b : a));
    await ctx.run.propose({
      kind: 'email',
      title: `E-mail ${customer.name}: ${top.meter.meterName} past ${top.pct}% (period ends ${formatDate(new Date(sub.periodEnd))})`,
      payload: { to: customer.email, ...mail },
      reasoning: notes.join(' '),
      sourceRef: ref,
    });
  }
  ctx.run.reason(...notes);
}
