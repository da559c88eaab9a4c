import { slaCreditPercent, uptimeBp, type CreditTier } from './sla-credit';

// One customer's SLA credit, pure, with every step kept so the console can show the working:
// downtime over the measurement window → uptime → the deepest tier it fell below → that share
// of the fee → the caps (a share of the fee, an amount per incident, never above the invoice).

export interface CreditTerms {
  uptimeTargetBp: number;
  windowDays: number;
  tiers: CreditTier[];
  capPercent: number;
  capMinor: number | null;
}

export interface CreditCalculation {
  downtimeMinutes: number;
  windowMinutes: number;
  uptimeBp: number;
  uptimeTargetBp: number;
  breached: boolean;
  creditPercent: number;
  feeMinor: number;
  rawMinor: number;
  capsMinor: { percentOfFee: number; perIncident: number | null; invoiceTotal: number };
  amountMinor: number;
  cappedBy: 'percent_of_fee' | 'per_incident' | 'invoice_total' | null;
}

export function calculateSlaCredit(
  downtimeMinutes: number,
  terms: CreditTerms,
  fee: { feeMinor: number; invoiceTotalMinor: number },
): CreditCalculation {
  const windowMinutes = terms.windowDays * 24 * 60;
  const uptime = uptimeBp(downtimeMinutes, windowMinutes);
  const breached = uptime < terms.uptimeTargetBp;
  const creditPercent = breached ? slaCreditPercent(uptime, terms.tiers) : 0;
  const rawMinor = Math.round((fee.feeMinor * creditPercent) / 100);
  const caps = {
    percentOfFee: Math.floor((fee.feeMinor * terms.capPercent) / 100),
    perIncident: terms.capMinor,
    invoiceTotal: Math.max(0, fee.invoiceTotalMinor),
  };
  const limits: [CreditCalculation['cappedBy'], number][] = [
    ['percent_of_fee', caps.percentOfFee],
    ['per_incident', caps.perIncident ?? Number.POSITIVE_INFINITY],
    ['invoice_total', caps.invoiceTotal],
  ];
  let amountMinor = rawMinor;
  let cappedBy: CreditCalculation['cappedBy'] = null;
  for (const [name, limit] of limits) {
    if (limit < amountMinor) {
      amountMinor = limit;
      cappedBy = name;
    }
  }
  return {
    downtimeMinutes,
    windowMinutes,
    uptimeBp: uptime,
    uptimeTargetBp: terms.uptimeTargetBp,
    breached,
    creditPercent,
    feeMinor: fee.feeMinor,
    rawMinor,
    capsMinor: caps,
    amountMinor,
    cappedBy,
  };
}
