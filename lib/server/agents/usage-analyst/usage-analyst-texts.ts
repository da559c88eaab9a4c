import { ANOMALY_THRESHOLD } from '@/lib/analytics/anomaly';
import { formatDate, formatDateTime, formatQuantity } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import type { UsageAnomaly } from '@/lib/server/insights/detect-usage-anomalies';
import type { UpgradeChoice } from '@/lib/server/insights/choose-upgrade-plan';

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

export interface UpgradeEmailFacts {
  customerName: string;
  periodEnd: number;
  currentPlan: { name: string; basePriceMinor: number; currency: string };
  /** Meters whose organic growth crossed a threshold, with the highest threshold crossed. */
  crossed: { meter: MeterInsight; pct: number }[];
  upgrade: UpgradeChoice | null;
}

// Whole units for large numbers, two decimals for small ones (storage in GB).
const amount = (x: number) => formatQuantity(Math.abs(x) >= 100 ? Math.round(x) : x);

function meterLine({ meter: m, pct }: UpgradeEmailFacts['crossed'][number], periodEnd: number): string {
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

// The e-mail drafted with an upgrade: every figure comes from the analysis or the plan catalogue
// (built-in writer, no model), and a person approves it before it is sent.
export function writeUpgradeEmail(facts: UpgradeEmailFacts): { subject: string; body: string } {
  const top = facts.crossed.reduce((a, b) => (b.pct > a.pct ? b : a));
  const subject = `${top.meter.meterName} at ${usagePercent(top.meter.utilisation ?? 0)} of your ${facts.currentPlan.name} plan`;
  const lines = [
    `Hello ${facts.customerName} team,`,
    '',
    `Your usage this billing period is growing steadily:`,
    ...facts.crossed.map((c) => meterLine(c, facts.periodEnd)),
    '',
  ];
  const u = facts.upgrade;
  if (u) {
    const includes = facts.crossed
      .map((c) => `${formatQuantity(u.included[c.meter.meterKey] ?? 0)} ${c.meter.unit}`)
      .join(' and ');
    lines.push(
      `The ${u.plan.name} plan includes ${includes} for ${formatMoney(u.plan.basePriceMinor, u.plan.currency)} a month (${facts.currentPlan.name} is ${formatMoney(facts.currentPlan.basePriceMinor, facts.currentPlan.currency)} a month), so your growth would be covered without overage charges.`,
      `Reply to this e-mail if you would like us to move you to ${u.plan.name}, or if you have questions about your usage.`,
    );
  } else {
    lines.push(
      'Reply to this e-mail if you have questions about your usage or would like to discuss a plan that fits it.',
    );
  }
  return { subject, body: lines.join('\n') };
}
