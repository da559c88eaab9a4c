import { formatDate, formatQuantity } from '@/lib/format';
import { describeAction } from '@/lib/server/actions/describe-action';
import type { CustomerInsights } from '@/lib/server/insights/compute-customer-insights';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import type { Decision } from '../define-agent';
import type { ThresholdChanges } from './thresholds';
import { describeWeighing, usagePercent, writeUsageEmail } from './usage-analyst-texts';
import { weighUpgrade } from './weigh-upgrade';

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

const OPEN = ['proposed', 'pending_approval', 'approved', 'executing', 'scheduled'] as const;

// Newly fired thresholds → for meters whose growth is organic: the plan comparison (this period's
// forecast and a next period at the pace reached, priced on every plan); a plan_change only when a
// higher plan is the cheaper way to serve that usage, or the only way past a hard limit (unless
// the same upgrade is already waiting); and an e-mail — an upgrade offer with both costs, or a
// notice of where usage is heading. Anomalous growth gets neither: that is a review, drafted from
// the anomaly episodes.
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
  const weighing = await weighUpgrade(ctx.run.tx, insights);
  ctx.run.evidence({ planComparison: weighing.evidence });
  notes.push(describeWeighing(weighing, sub.periodEnd));
  const period = new Date(sub.periodStart).toISOString();
  const ref = `usage-analyst:${ctx.customerId}:${period}:${crossed.map((c) => `${c.meter.meterKey}@${c.pct}`).join(',')}`;
  const upgrade = weighing.proposed;
  if (upgrade) {
    const payload = {
      subscriptionId: sub.id,
      fromPlanKey: sub.plan.key,
      toPlanKey: upgrade.key,
      proration: 'create_prorations' as const,
      effective: weighing.comparison.recommendation.effective ?? ('now' as const),
    };
    const described = await describeAction(ctx.run.tx, 'plan_change', payload, ctx.customerId, ctx.asOf);
    notes.push(`${described.headline}.`);
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
      return p?.subscriptionId === sub.id && p?.toPlanKey === upgrade.key;
    });
    if (same) {
      notes.push(`The upgrade to ${upgrade.name} is already waiting (action ${same.id}): not drafted again.`);
      ctx.run.skip({
        kind: 'plan_change',
        actionId: same.id,
        reason: 'same upgrade already open',
        sourceRef: ref,
      });
    } else {
      await ctx.run.propose({
        kind: 'plan_change',
        title: `Upgrade ${customer.name} to ${upgrade.name}${payload.effective === 'period_end' ? ' at renewal' : ''}`,
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
    const mail = writeUsageEmail({
      customerName: customer.name,
      periodEnd: sub.periodEnd,
      currentPlan: sub.plan,
      crossed,
      weighing,
    });
    const top = crossed.reduce((a, b) => (b.pct > a.pct ? b : a));
    await ctx.run.propose({
      kind: 'email',
      title: `E-mail ${customer.name}: ${top.meter.meterName} past ${top.pct}% (period ends ${formatDate(new Date(sub.periodEnd))})${upgrade ? '' : ' — FYI'}`,
      payload: { to: customer.email, ...mail },
      reasoning: notes.join(' '),
      sourceRef: ref,
    });
  }
  ctx.run.reason(...notes);
}
