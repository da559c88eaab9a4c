import type { InvoiceLineInput, NormalizedInvoiceInput } from '@/lib/schemas/invoice-facts';
import type { InvoiceRow, InvoiceRowLine, Numeric, PlanMeterLimitRow } from './invoice-row';

// Stored invoice → normalizedInvoiceSchema input, the one mapping the fact sheet is built from.
// Shared by the database path and the Stripe-record path (stripe-record-to-normalized-invoice).
// It never throws on odd data: every repair it makes (a negative quantity, an unitemised rest of
// the subtotal, credits applied below the lines) is a line the writers can explain, plus a note
// kept in the decision record, so the fact sheet's invariants hold and every number stays true.

export interface NormalizedInvoiceResult {
  invoice: NormalizedInvoiceInput;
  /** What the mapping repaired or assumed, in plain words (stored with the decision record). */
  notes: string[];
}

export const UNITEMISED_LINE_ID = 'unitemised_charges';
export const CREDITS_APPLIED_LINE_ID = 'credits_applied';

export function toNumber(value: Numeric): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) ? n : null;
}

const toInt = (n: number) => (Number.isFinite(n) ? Math.round(n) : 0);
const isoDay = (d: Date | null | undefined): string | null =>
  d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : null;

/**
 * Included quantity and unit price of a usage line: the line's own values, else the plan's
 * limit for its meter. The plan's included quantity is only used when the line's amount agrees
 * with it (a line that bills every unit would otherwise be explained as partly free).
 */
function usagePricing(
  line: InvoiceRowLine,
  quantity: number,
  amount: number,
  limit: PlanMeterLimitRow | undefined,
  notes: string[],
) {
  const lineIncluded = toNumber(line.includedQuantity);
  const linePrice = toNumber(line.unitAmountDecimal);
  const planIncluded = limit ? toNumber(limit.includedQuantity) : null;
  const planPrice = limit ? toNumber(limit.overageUnitPrice) : null;
  let unitPrice = linePrice !== null ? Math.abs(linePrice) : null;
  if (unitPrice === null && planPrice !== null && limit) {
    unitPrice = Math.abs(planPrice) / Math.max(1, limit.overagePackageSize);
    notes.push(`Line ${line.id}: unit price taken from the plan.`);
  }
  if (lineIncluded !== null) return { includedQuantity: Math.max(0, lineIncluded), unitPrice };
  if (planIncluded === null || planIncluded <= 0) return { includedQuantity: 0, unitPrice };
  const billed = (included: number) =>
    unitPrice === null ? null : Math.round(Math.max(0, quantity - included) * unitPrice);
  const withPlan = billed(planIncluded);
  const withoutPlan = billed(0);
  if (
    withPlan !== null &&
    withoutPlan !== null &&
    Math.abs(withPlan - amount) > 1 &&
    Math.abs(withoutPlan - amount) <= 1
  ) {
    notes.push(`Line ${line.id}: the plan's included quantity was not applied, because the line bills every unit.`);
    return { includedQuantity: 0, unitPrice };
  }
  notes.push(`Line ${line.id}: included quantity taken from the plan.`);
  return { includedQuantity: planIncluded, unitPrice };
}

function toLine(
  line: InvoiceRowLine,
  id: string,
  period: { start: string; end: string },
  limits: Map<string, PlanMeterLimitRow>,
  notes: string[],
): InvoiceLineInput {
  let amount = toInt(line.amount);
  // Credits and discounts lower the total; some sources store them as positive amounts.
  if ((line.kind === 'credit' || line.kind === 'discount') && amount > 0) {
    notes.push(`Line ${line.id}: ${line.kind} stored as a positive amount; treated as ${-amount}.`);
    amount = -amount;
  }
  let quantity = toNumber(line.quantity) ?? 0;
  if (quantity < 0) {
    // A negative usage quantity (a correction) bills nothing beyond its amount; elsewhere the sign is only a convention.
    notes.push(
      `Line ${line.id}: negative quantity ${quantity} ${line.kind === 'usage' ? 'treated as 0' : 'read as its absolute value'}.`,
    );
    quantity = line.kind === 'usage' ? 0 : -quantity;
  }
  const start = isoDay(line.periodStart) ?? period.start;
  const end = isoDay(line.periodEnd) ?? (isoDay(line.periodStart) ? start : period.end);
  const pricing =
    line.kind === 'usage'
      ? usagePricing(line, quantity, amount, line.meter ? limits.get(line.meter.key) : undefined, notes)
      : {
          includedQuantity: Math.max(0, toNumber(line.includedQuantity) ?? 0),
          unitPrice: abs(toNumber(line.unitAmountDecimal)),
        };
  return {
    id,
    kind: line.kind,
    description: (line.description ?? '').trim(),
    ...(line.meter ? { meterKey: line.meter.key, meterName: line.meter.name } : {}),
    quantity,
    includedQuantity: pricing.includedQuantity,
    unitPrice: pricing.unitPrice,
    amount,
    proration: line.proration || line.kind === 'proration',
    period: { start, end },
  };
}

const abs = (n: number | null) => (n === null ? null : Math.abs(n));

function uniqueIds(lines: InvoiceRowLine[]): string[] {
  const used = new Set<string>();
  return lines.map((l) => {
    const base = l.id.trim() || 'line';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  });
}

/** Maps a stored invoice to the normalised invoice the fact sheet is built from. */
export function toNormalizedInvoice(row: InvoiceRow): NormalizedInvoiceResult {
  const notes: string[] = [];
  const rawCurrency = (row.currency ?? '').trim();
  const currency = /^[A-Za-z]{3}$/.test(rawCurrency) ? rawCurrency : 'XXX';
  if (currency === 'XXX')
    notes.push(`Currency "${rawCurrency}" is not an ISO code; amounts are shown without a symbol.`);
  const periodStart = isoDay(row.periodStart) ?? isoDay(row.periodEnd) ?? '1970-01-01';
  const periodEnd = isoDay(row.periodEnd) ?? periodStart;
  const period = { start: periodStart, end: periodEnd };
  const limits = new Map(row.planLimits.map((l) => [l.meterKey, l]));
  const ordered = [...row.lines].sort((a, b) => a.position - b.position);
  const ids = uniqueIds(ordered);
  const lines = ordered.map((l, i) => toLine(l, ids[i], period, limits, notes));
  const taken = new Set(ids);
  const freeId = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    return id;
  };
  const sum = (pred: (l: InvoiceLineInput) => boolean) => lines.filter(pred).reduce((s, l) => s + l.amount, 0);

  const discounts =
    row.discountTotal !== 0 ? Math.abs(toInt(row.discountTotal)) : Math.max(0, -sum((l) => l.kind === 'discount'));
  const tax = row.tax !== 0 ? toInt(row.tax) : sum((l) => l.kind === 'tax');
  let subtotal = toInt(row.subtotal);
  const total = toInt(row.total);

  // Lines missing from the payload (a first page only, or none at all): the rest is one line.
  const itemised = sum((l) => l.kind !== 'tax' && l.kind !== 'discount');
  if (itemised !== subtotal) {
    lines.push({
      id: freeId(UNITEMISED_LINE_ID),
      kind: 'other',
      description: 'Charges not itemised on the invoice',
      quantity: 0,
      amount: subtotal - itemised,
      period,
    });
    notes.push(
      `The lines add up to ${itemised} but the subtotal is ${subtotal}; the difference is shown as charges not itemised.`,
    );
  }
  // Credits applied below the subtotal (e.g. Stripe credit grants) become a credit line.
  const creditTotal = Math.abs(toInt(row.creditTotal));
  const gap = subtotal - discounts + tax - total;
  if (gap !== 0 && gap === creditTotal) {
    lines.push({
      id: freeId(CREDITS_APPLIED_LINE_ID),
      kind: 'credit',
      description: 'Credits applied',
      quantity: 0,
      amount: -creditTotal,
      period,
    });
    subtotal -= creditTotal;
    notes.push(`Credits of ${creditTotal} applied below the lines are shown as a credit line.`);
  } else if (gap !== 0) {
    notes.push(
      `The total differs from subtotal − discounts + tax by ${-gap}; the fact sheet reports it as unexplained.`,
    );
  }

  return {
    invoice: {
      id: row.id,
      number: row.number,
      currency,
      periodStart,
      periodEnd,
      lines,
      subtotal,
      discounts,
      tax,
      total,
      amountPaid: toInt(row.amountPaid),
      amountDue: toInt(row.amountDue),
      status: row.status,
    },
    notes,
  };
}
