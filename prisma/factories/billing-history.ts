import { addMonths, subMonths } from 'date-fns';
import { METERS } from './catalog';
import type { CustomerProfile } from './customer-profiles';
import type { Rng } from '@/lib/prng';
import { periodUsage } from './usage-model';

export interface InvoiceLineSeed {
  id: string;
  kind: 'usage' | 'flat' | 'discount' | 'tax';
  description: string;
  meterId: string | null;
  quantity: number | null;
  includedQuantity: number | null;
  unitAmountDecimal: number | null;
  amount: number;
  periodStart: Date;
  periodEnd: Date;
  position: number;
}

export interface InvoiceSeed {
  id: string;
  externalId: string;
  number: string;
  customerId: string;
  status: 'paid' | 'open';
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  subtotal: number;
  discountTotal: number;
  tax: number;
  total: number;
  amountDue: number;
  amountPaid: number;
  amountRemaining: number;
  attemptCount: number;
  nextPaymentAttemptAt: Date | null;
  finalizedAt: Date;
  paidAt: Date | null;
  lines: InvoiceLineSeed[];
}

export interface PaymentAttemptSeed {
  id: string;
  customerId: string;
  invoiceId: string;
  externalId: string;
  amount: number;
  succeeded: boolean;
  failureCode: string | null;
  failureMessage: string | null;
  attemptedAt: Date;
}

const DECLINES = [
  ['card_declined', 'Your card was declined.'],
  ['insufficient_funds', 'Your card has insufficient funds.'],
  ['expired_card', 'Your card has expired.'],
] as const;

export function currentPeriodStart(anchorDay: number, now: Date): Date {
  let start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), anchorDay));
  if (start > now) start = subMonths(start, 1);
  return start;
}

function invoiceFor(c: CustomerProfile, periodStart: Date, periodEnd: Date, seq: number, now: Date): InvoiceSeed {
  const id = `inv_demo_${c.id.slice(-3)}_${seq}`;
  const lines: InvoiceLineSeed[] = [
    {
      id: `${id}_flat`,
      kind: 'flat',
      description: `${c.plan.name} plan`,
      meterId: null,
      quantity: 1,
      includedQuantity: null,
      unitAmountDecimal: c.plan.basePriceMinor,
      amount: c.plan.basePriceMinor,
      periodStart,
      periodEnd,
      position: 0,
    },
  ];
  for (const [i, limit] of c.plan.limits.entries()) {
    const meter = METERS.find((m) => m.key === limit.meterKey)!;
    const quantity = periodUsage(c.usage, limit.meterKey, periodStart.getTime(), periodEnd.getTime(), now.getTime());
    const overage = Math.max(0, quantity - limit.included);
    lines.push({
      id: `${id}_${meter.key}`,
      kind: 'usage',
      description: `${meter.name} (${limit.included.toLocaleString('en-US')} ${meter.unit} included)`,
      meterId: meter.id,
      quantity,
      includedQuantity: limit.included,
      unitAmountDecimal: limit.overageUnitPrice,
      amount: Math.round(overage * limit.overageUnitPrice),
      periodStart,
      periodEnd,
      position: i + 1,
    });
  }
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);
  const discountTotal = Math.round((subtotal * c.discountPercent) / 100);
  if (discountTotal)
    lines.push({
      id: `${id}_discount`,
      kind: 'discount',
      description: `Discount (${c.discountPercent}% off)`,
      meterId: null,
      quantity: null,
      includedQuantity: null,
      unitAmountDecimal: null,
      amount: -discountTotal,
      periodStart,
      periodEnd,
      position: 10,
    });
  const tax = Math.round(((subtotal - discountTotal) * c.taxPercent) / 100);
  if (tax)
    lines.push({
      id: `${id}_tax`,
      kind: 'tax',
      description: `VAT (${c.taxPercent}%)`,
      meterId: null,
      quantity: null,
      includedQuantity: null,
      unitAmountDecimal: null,
      amount: tax,
      periodStart,
      periodEnd,
      position: 11,
    });
  const total = subtotal - discountTotal + tax;
  return {
    id,
    externalId: `in_DEMO${c.id.slice(-3)}${seq}`,
    number: `TG-${c.id.slice(-3)}-${String(seq).padStart(4, '0')}`,
    customerId: c.id,
    status: 'paid',
    currency: 'usd',
    periodStart,
    periodEnd,
    subtotal,
    discountTotal,
    tax,
    total,
    amountDue: total,
    amountPaid: total,
    amountRemaining: 0,
    attemptCount: 1,
    nextPaymentAttemptAt: null,
    finalizedAt: periodEnd,
    paidAt: new Date(periodEnd.getTime() + 3_600_000),
    lines,
  };
}

// Three completed billing cycles per customer, their payments, and a few failures: delinquent
// customers' latest invoice is still open after failed attempts; some paid after one retry.
export function buildBillingHistory(rng: Rng, c: CustomerProfile, now: Date, cycles = 3) {
  const current = currentPeriodStart(c.anchorDay, now);
  const invoices: InvoiceSeed[] = [];
  const attempts: PaymentAttemptSeed[] = [];
  for (let k = cycles; k >= 1; k--) {
    const start = subMonths(current, k);
    const inv = invoiceFor(c, start, addMonths(start, 1), cycles - k + 1, now);
    const latest = k === 1;
    const failures = latest && c.delinquent ? rng.int(1, 3) : latest && c.recoveredAfterRetry ? 1 : 0;
    for (let f = 0; f < failures; f++) {
      const [code, message] = rng.pick(DECLINES);
      attempts.push({
        id: `${inv.id}_att${f + 1}`,
        customerId: c.id,
        invoiceId: inv.id,
        externalId: `ch_DEMO${c.id.slice(-3)}${inv.number.slice(-2)}F${f}`,
        amount: inv.total,
        succeeded: false,
        failureCode: code,
        failureMessage: message,
        attemptedAt: new Date(inv.finalizedAt.getTime() + (f * 3 + 1) * 86_400_000),
      });
    }
    if (latest && c.delinquent && inv.total > 0) {
      Object.assign(inv, {
        status: 'open',
        amountPaid: 0,
        amountRemaining: inv.total,
        attemptCount: failures,
        paidAt: null,
        nextPaymentAttemptAt: new Date(now.getTime() + 2 * 86_400_000),
      });
    } else {
      inv.attemptCount = failures + 1;
      const paidAt = new Date(inv.finalizedAt.getTime() + (failures ? failures * 3 + 2 : 0) * 86_400_000 + 3_600_000);
      inv.paidAt = paidAt;
      attempts.push({
        id: `${inv.id}_pay`,
        customerId: c.id,
        invoiceId: inv.id,
        externalId: `ch_DEMO${c.id.slice(-3)}${inv.number.slice(-2)}OK`,
        amount: inv.total,
        succeeded: true,
        failureCode: null,
        failureMessage: null,
        attemptedAt: paidAt,
      });
    }
    invoices.push(inv);
  }
  return { currentPeriodStart: current, currentPeriodEnd: addMonths(current, 1), invoices, attempts };
}
