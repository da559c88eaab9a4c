import { ANOMALY_THRESHOLD } from '@/lib/analytics/anomaly';
import { formatDate, formatDateTime, formatQuantity } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import type { UsageAnomaly } from '@/lib/server/insights/detect-usage-anomalies';
import type { OptionCost } from '@/lib/analytics/plan-costs';
import type { UpgradeWeighing } from './weigh-upgrade';

// The Usage Analyst's texts — review tasks, Slack alerts, upgrade e-mails — composed by code from
// the analysis and the plan catalogue only (no model): every figure is one the agent computed.

// Utilisation for the agent's texts: one decimal, rounded down, so "79.96 %" never reads as a
// threshold of 80 % that did not fire.
export const usagePercent = (ratio: number) =>
  `${(Math.floor(ratio * 1000) / 10).toFixed(Math.floor(ratio * 1000) % 10 === 0 ? 0 : 1)}%`;

export interface Episode {
  meter: MeterInsight;
  anomaly: UsageAnomaly;
}

const KIND_LABEL: Record<UsageAnomaly['kind'], string> = {
  spike: 'spike',
  drop: 'drop',
  level_shift: 'level shift',
  runaway_growth: 'runaway growth',
};
export const anomalyLabel = (a: UsageAnomaly) =>
  a.kind === 'drop' && a.ongoing && a.currentRatio < 0.05 ? 'drop to zero' : KIND_LABEL[a.kind];
const x = (r: number) => `${r >= 10 ? Math.round(r) : r.toFixed(1)}x`;
const list = (xs: string[]) => [...new Set(xs)].join(' and ');

// The evidence a reviewer needs, in the agent's words, from the analysis only.
export function describeEvidence(customerName: string, { meter: m, anomaly: a }: Episode): string[] {
  return [
    `${anomalyLabel(a)} in ${m.meterName} usage of ${customerName}, first alarmed at ${formatDateTime(new Date(a.at))}.`,
    `Detector score ${a.score.toFixed(2)} (alarm threshold ${ANOMALY_THRESHOLD.toFixed(2)}); detector's first classification: ${KIND_LABEL[a.detectorKind]}.`,
    `That hour: ${formatQuantity(a.value)} ${m.unit} against a baseline of ${formatQuantity(Math.round(a.expected * 100) / 100)} (same hour in previous weeks), ${x(a.ratio)}.`,
    `First six hours: ${x(a.onsetRatio)} baseline; last six hours: ${x(a.currentRatio)} baseline${a.ongoing ? ' (still going on)' : ''}.`,
    ...(a.direction === 'up'
      ? [
          `Usage above baseline so far: ${formatQuantity(Math.round(a.excess))} ${m.unit} (${formatQuantity(Math.round(a.excessInPeriod))} of it this period).`,
        ]
      : []),
  ];
}

const WHY = {
  up: 'A sudden rise like this is more often a bug, a retry loop, a leaked key or abuse than organic growth, so no upgrade is proposed on the strength of it. Check the traffic with the customer before it is billed.',
  down: 'A sudden fall often means a broken integration, a migration away or an outage on the customer side. Check in with the customer.',
};

// One review task for the episodes a run found for a customer (one incident often shows on
// several meters at once), each with its evidence.
export function writeReviewTask(customerName: string, episodes: readonly Episode[]): { title: string; body: string } {
  const title = `Review ${list(episodes.map((e) => anomalyLabel(e.anomaly)))} in ${list(episodes.map((e) => e.meter.meterName))} usage: ${customerName}`;
  const body = [
    ...episodes.flatMap((e) => [...describeEvidence(customerName, e), '']),
    ...new Set(episodes.map((e) => WHY[e.anomaly.direction])),
  ].join('\n');
  return { title: title.slice(0, 300), body: body.slice(0, 10_000) };
}

export function writeSlackAlert(customerName: string, episodes: readonly Episode[]): string {
  const meters = episodes.map(
    ({ meter: m, anomaly: a }) =>
      `${m.meterName} is at ${x(a.currentRatio)} its usual level over the last six hours (climbing since ${formatDateTime(new Date(a.at))}, detector score ${a.score.toFixed(2)})`,
  );
  return `:rotating_light: Runaway usage at ${customerName}: ${meters.join('; ')}. A review task is in Tollgate; no upgrade will be proposed for this growth.`;
}

export interface UsageEmailFacts {
  customerName: string;
  periodEnd: number;
  currentPlan: { name: string; basePriceMinor: number; currency: string };
  /** Meters whose organic growth crossed a threshold, with the highest threshold crossed. */
  crossed: { meter: MeterInsight; pct: number }[];
  weighing: UpgradeWeighing;
}

// Whole units for large numbers, two decimals for small ones (storage in GB).
const amount = (x: number) => formatQuantity(Math.abs(x) >= 100 ? Math.round(x) : x);
const money = (minor: number, currency: string) => formatMoney(minor, currency);

function meterLine({ meter: m, pct }: UsageEmailFacts['crossed'][number], periodEnd: number): string {
  const f = m.forecast;
  const reached = m.utilisation !== null && m.utilisation >= 1;
  const crossing =
    f.crossingDate === null
      ? ''
      : reached
        ? ` You reached the included amount on ${formatDate(new Date(f.crossingDate))}.`
        : ` At this pace you will reach the included amount around ${formatDate(new Date(f.crossingDate))}.`;
  return (
    `- ${m.meterName}: ${formatQuantity(m.used)} of the ${formatQuantity(m.included ?? 0)} ${m.unit} included (${usagePercent(m.utilisation ?? 0)}, past the ${pct}% mark).` +
    ` We expect about ${amount(f.expected)} ${m.unit} by ${formatDate(new Date(periodEnd))} (likely between ${amount(f.lower)} and ${amount(f.upper)}).${crossing}`
  );
}

/** "$519.00 ($199.00 plan + $320.00 overage)" — one plan's cost for a period at the forecast. */
export function describeCost(o: OptionCost, currency: string): string {
  return o.overageMinor
    ? `${money(o.totalMinor, currency)} (${money(o.baseMinor, currency)} plan + ${money(o.overageMinor, currency)} overage)`
    : `${money(o.totalMinor, currency)} (no overage)`;
}

// The comparison in the agent's words, for its reasoning: what each option costs at the forecast
// and why the recommended one (or staying) is the one.
export function describeWeighing(w: UpgradeWeighing, periodEnd: number): string {
  const { comparison: c, proposed } = w;
  const rec = c.recommendation;
  const cur = c.thisPeriod[0];
  const option = (list: OptionCost[], key: string | null) => list.find((o) => o.planKey === key);
  const renewal = formatDate(new Date(periodEnd));
  switch (rec.reason) {
    case 'hard_limit': {
      const list = rec.horizon === 'this_period' ? c.thisPeriod : c.nextPeriod;
      const stay = list[0];
      return `At the top of the forecast band ${cur.planName}'s hard limit would refuse ${stay.refused.join(', ')} ${rec.horizon === 'this_period' ? 'this period' : 'next period'}: ${proposed!.name} serves it for ${describeCost(option(list, rec.planKey)!, c.currency)}${rec.effective === 'period_end' ? `, from the renewal on ${renewal}` : ''}.`;
    }
    case 'cheaper': {
      const list = rec.horizon === 'this_period' ? c.thisPeriod : c.nextPeriod;
      const when = rec.horizon === 'this_period' ? 'this period' : 'a whole next period at the pace reached';
      const lead =
        rec.horizon === 'next_period'
          ? `This period stays cheaper on ${cur.planName} (${describeCost(cur, c.currency)}); `
          : '';
      return `${lead}At the forecast, ${when} costs ${describeCost(list[0], c.currency)} on ${cur.planName} and ${describeCost(option(list, rec.planKey)!, c.currency)} on ${proposed!.name}: ${proposed!.name} saves ${money(rec.savingMinor, c.currency)}${rec.effective === 'period_end' ? `, so the upgrade is proposed from the renewal on ${renewal}` : ', so the upgrade is proposed now'}.`;
    }
    case 'stay_cheaper': {
      const next = c.nextPeriod
        .slice(1)
        .reduce<OptionCost | undefined>((b, o) => (!b || o.totalMinor < b.totalMinor ? o : b), undefined);
      return `At the forecast, ${cur.planName} with overage costs ${describeCost(cur, c.currency)} this period${next ? ` and ${describeCost(c.nextPeriod[0], c.currency)} next period, against ${describeCost(next, c.currency)} on ${next.planName}` : ''}: paying the overage is cheaper, so no plan change is proposed and the threshold notice is an FYI.`;
    }
    case 'within_plan':
      return `The forecast stays within ${cur.planName}'s included quantity this period and next: no plan change is proposed and the threshold notice is an FYI.`;
    case 'top_plan':
      return `${cur.planName} is the top plan: no plan change is proposed; at the forecast its overage comes to ${money(cur.overageMinor, c.currency)} this period and ${money(c.nextPeriod[0].overageMinor, c.currency)} next period, and the threshold notice is an FYI.`;
  }
}

// The e-mail drafted when a threshold fires: an upgrade offer with both costs when the agent
// proposes one, otherwise a notice of where usage is heading and what it will cost. Every figure
// comes from the analysis or the plan catalogue (built-in writer, no model); a person approves it.
export function writeUsageEmail(facts: UsageEmailFacts): { subject: string; body: string } {
  const top = facts.crossed.reduce((a, b) => (b.pct > a.pct ? b : a));
  const subject = `${top.meter.meterName} at ${usagePercent(top.meter.utilisation ?? 0)} of your ${facts.currentPlan.name} plan`;
  const { comparison: c, proposed } = facts.weighing;
  const rec = c.recommendation;
  const lines = [
    `Hello ${facts.customerName} team,`,
    '',
    `Your usage this billing period is growing steadily:`,
    ...facts.crossed.map((x) => meterLine(x, facts.periodEnd)),
    '',
  ];
  const current = `${facts.currentPlan.name} (${money(facts.currentPlan.basePriceMinor, facts.currentPlan.currency)} a month)`;
  if (proposed) {
    const list = rec.horizon === 'this_period' ? c.thisPeriod : c.nextPeriod;
    const stay = list[0];
    const move = list.find((o) => o.planKey === proposed.key)!;
    const includes = facts.crossed
      .map((x) => `${formatQuantity(proposed.limits[x.meter.meterKey]?.included ?? 0)} ${x.meter.unit}`)
      .join(' and ');
    const period = rec.horizon === 'this_period' ? 'this period' : 'next period, at your current pace,';
    lines.push(
      `The ${proposed.name} plan includes ${includes} for ${money(proposed.basePriceMinor, proposed.currency)} a month. You are on ${current}.`,
      `For the usage we expect ${period} that comes to ${money(move.totalMinor, c.currency)} on ${proposed.name}, against ${money(stay.totalMinor, c.currency)} on ${facts.currentPlan.name}${stay.overageMinor ? ` including ${money(stay.overageMinor, c.currency)} of overage` : ''}${stay.refused.length ? ', where usage above the hard limit would be refused' : ''}.`,
      `Reply to this e-mail if you would like us to move you to ${proposed.name}${rec.effective === 'period_end' ? ` from your renewal on ${formatDate(new Date(facts.periodEnd))}` : ''}, or if you have questions about your usage.`,
    );
  } else {
    const cur = c.thisPeriod[0];
    lines.push(
      cur.overageMinor
        ? `On ${current} the usage we expect this period comes to ${describeCost(cur, c.currency)}.${rec.reason === 'top_plan' ? '' : ' That is less than a larger plan would cost, so there is nothing you need to change.'}`
        : `This stays within what ${current} includes, so there is nothing you need to change.`,
      ...(c.nextPeriod[0].overageMinor
        ? [
            `At your current pace next period would come to ${describeCost(c.nextPeriod[0], c.currency)} on ${facts.currentPlan.name}.`,
          ]
        : []),
      'Reply to this e-mail if you have questions about your usage.',
    );
  }
  return { subject, body: lines.join('\n') };
}
