import type { CohortVerdict } from '@/lib/analytics/sla-cohort';
import type { CreditCalculation } from '@/lib/analytics/sla-credit-amount';
import { formatMoney } from '@/lib/money';

const pct = (bp: number) => `${(bp / 100).toFixed(2)}%`;
const CAP_LABELS = {
  percent_of_fee: 'the policy cap (share of the fee)',
  per_incident: 'the per-incident cap',
  invoice_total: 'the invoice total',
} as const;

// The working of one customer's credit, a sentence per step, composed from the figures only:
// it is the action's reasoning in the approval queue and the calculation on the incident page.
export function writeCreditWorking(input: {
  customerName: string;
  policyName: string;
  verdict: CohortVerdict;
  calc: CreditCalculation;
  currency: string;
  invoiceNumber: string | null;
}): string[] {
  const { verdict: v, calc: c, currency } = input;
  const steps = [
    `${input.customerName} sent ${v.scopeRequests.toLocaleString('en-US')} requests in the affected scope during the incident; ${v.scopeFailures.toLocaleString('en-US')} failed (${(v.errorRate * 100).toFixed(1)}% error rate).`,
    `${c.downtimeMinutes} of the ${v.measuredMinutes} minutes with traffic had at least 5% of requests failing: ${c.downtimeMinutes} minutes of downtime.`,
    `Uptime over the ${c.windowMinutes / 1440}-day measurement window: 1 − ${c.downtimeMinutes} / ${c.windowMinutes.toLocaleString('en-US')} min = ${pct(c.uptimeBp)}, ${c.breached ? 'below' : 'not below'} the ${pct(c.uptimeTargetBp)} target of ${input.policyName}.`,
  ];
  if (v.maintenanceFailures > 0) {
    steps.push(`${v.maintenanceFailures} failed requests fell inside announced maintenance and were not counted.`);
  }
  if (!c.breached || c.creditPercent === 0) {
    steps.push('No credit tier applies.');
    return steps;
  }
  steps.push(
    `The deepest tier reached gives ${c.creditPercent}% of the fee ${formatMoney(c.feeMinor, currency)}${input.invoiceNumber ? ` (invoice ${input.invoiceNumber})` : ''} = ${formatMoney(c.rawMinor, currency)}.`,
  );
  steps.push(
    c.cappedBy
      ? `Capped by ${CAP_LABELS[c.cappedBy]}: credit ${formatMoney(c.amountMinor, currency)}.`
      : `No cap applies: credit ${formatMoney(c.amountMinor, currency)}.`,
  );
  return steps;
}
