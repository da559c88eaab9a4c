import type { InvoiceLine, NormalizedInvoice } from '@/lib/schemas/invoice-facts';
import { toFactKey } from '@/lib/invoices/format';

// Pure aggregation of an invoice's lines into the buckets the fact sheet and the driver
// decomposition talk about. All sums are integer minor units.

export type LineBucket = 'usage' | 'flat' | 'proration' | 'credit' | 'other' | 'discount' | 'tax';

export interface MeterGroup {
  key: string;
  name: string;
  quantity: number;
  includedQuantity: number;
  overageQuantity: number;
  unitPrice: number | null;
  unitPriceIsAverage: boolean;
  amount: number;
  lineIds: string[];
}

export interface InvoiceComponents {
  meters: MeterGroup[];
  usage: number;
  flatFees: number;
  proration: number;
  credits: number;
  other: number;
  /** Signed contribution to the total (≤ 0 for a discount). */
  discounts: number;
  tax: number;
  /** total − (sum of all the above); 0 for an internally consistent invoice. */
  unexplained: number;
  /** Sum of the lines that make up the subtotal (kinds other than tax and discount). */
  lineSubtotal: number;
}

/** Which bucket a line's amount belongs to. Any line flagged as proration is a proration. */
export function lineBucket(line: Pick<InvoiceLine, 'kind' | 'proration'>): LineBucket {
  if (line.kind === 'tax' || line.kind === 'discount') return line.kind;
  if (line.kind === 'proration' || line.proration) return 'proration';
  return line.kind;
}

/** The key usage lines are grouped under: the meter key, else the meter name, else the description. */
export function meterKeyOf(line: Pick<InvoiceLine, 'meterKey' | 'meterName' | 'description'>): string {
  return toFactKey((line.meterKey ?? line.meterName ?? line.description).toLowerCase());
}

export function overageOf(quantity: number, included: number): number {
  return Math.max(0, quantity - included);
}

function groupMeters(lines: InvoiceLine[]): MeterGroup[] {
  const byKey = new Map<string, { name: string; lines: InvoiceLine[] }>();
  for (const line of lines) {
    if (lineBucket(line) !== 'usage') continue;
    const key = meterKeyOf(line);
    const group = byKey.get(key);
    if (group) group.lines.push(line);
    else byKey.set(key, { name: line.meterName ?? line.meterKey ?? line.description, lines: [line] });
  }
  return [...byKey.entries()].map(([key, { name, lines: ls }]) => {
    const quantity = ls.reduce((s, l) => s + l.quantity, 0);
    const includedQuantity = ls.reduce((s, l) => s + l.includedQuantity, 0);
    const overageQuantity = overageOf(quantity, includedQuantity);
    const amount = ls.reduce((s, l) => s + l.amount, 0);
    const billedPrices = new Set(
      ls.filter((l) => overageOf(l.quantity, l.includedQuantity) > 0 && l.unitPrice !== null).map((l) => l.unitPrice),
    );
    const allPrices = new Set(ls.filter((l) => l.unitPrice !== null).map((l) => l.unitPrice));
    let unitPrice: number | null = null;
    let unitPriceIsAverage = false;
    if (billedPrices.size === 1) unitPrice = [...billedPrices][0] as number;
    else if (overageQuantity > 0 && (billedPrices.size > 1 || amount !== 0)) {
      unitPrice = amount / overageQuantity;
      unitPriceIsAverage = true;
    } else if (allPrices.size === 1) unitPrice = [...allPrices][0] as number;
    return {
      key,
      name,
      quantity,
      includedQuantity,
      overageQuantity,
      unitPrice,
      unitPriceIsAverage,
      amount,
      lineIds: ls.map((l) => l.id),
    };
  });
}

/** Splits an invoice into the components that sum exactly to its total. */
export function computeComponents(invoice: NormalizedInvoice): InvoiceComponents {
  const sums: Record<LineBucket, number> = {
    usage: 0,
    flat: 0,
    proration: 0,
    credit: 0,
    other: 0,
    discount: 0,
    tax: 0,
  };
  for (const line of invoice.lines) sums[lineBucket(line)] += line.amount;
  const meters = groupMeters(invoice.lines);
  // Invoice-level fields are the truth; tax/discount lines only itemise them. When the field is
  // zero but itemised lines exist, the lines are used.
  const discounts = invoice.discounts !== 0 ? -invoice.discounts : sums.discount;
  const tax = invoice.tax !== 0 ? invoice.tax : sums.tax;
  const explained = sums.usage + sums.flat + sums.proration + sums.credit + sums.other + discounts + tax;
  return {
    meters,
    usage: sums.usage,
    flatFees: sums.flat,
    proration: sums.proration,
    credits: sums.credit,
    other: sums.other,
    discounts,
    tax,
    unexplained: invoice.total - explained,
    lineSubtotal: sums.usage + sums.flat + sums.proration + sums.credit + sums.other,
  };
}
