import { formatMoney } from '@/lib/money';
import { formatDate, formatQuantity } from '@/lib/format';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import type { UpgradeChoice } from './choose-upgrade-plan';
import { usagePercent } from './usage-percent';

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
