import type { InvoiceStatus } from '@/generated/prisma/client';
import type { InvoiceLineRecord, InvoiceRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import type { Tx } from '@/lib/db';
import type { BillingSyncContext, StripeHandlerResult } from '../stripe-handler-context';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { lockStripeObjects } from './lock-stripe-objects';
import { olderThanStoredNote, storedOrderingKey } from './stored-ordering-key';

const STATUSES: readonly InvoiceStatus[] = ['draft', 'open', 'paid', 'void', 'uncollectible'];

function required<T>(value: T | null, field: string, id: string): T {
  if (value === null) throw new Error(`Invoice ${id} has no ${field}`);
  return value;
}

async function meterIdsByExternalId(tx: Tx, lines: InvoiceLineRecord[]): Promise<Map<string, string>> {
  const ids = lines.map((line) => line.meterExternalId).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const meters = await tx.meter.findMany({
    where: { externalId: { in: ids } },
    select: { id: true, externalId: true },
  });
  return new Map(meters.map((m) => [m.externalId!, m.id]));
}

function lineData(line: InvoiceLineRecord, position: number, meters: Map<string, string>) {
  return {
    externalId: line.externalId,
    kind: line.kind,
    description: line.description ?? line.priceExternalId ?? '',
    meterId: line.meterExternalId ? (meters.get(line.meterExternalId) ?? null) : null,
    quantity: line.quantity,
    unitAmountDecimal: line.unitAmountDecimal,
    amount: line.amount ?? 0,
    proration: line.proration,
    periodStart: line.periodStart,
    periodEnd: line.periodEnd,
    position,
  };
}

// invoice.* → the invoice (by external id) with totals, status and lines. Each newer snapshot
// replaces the lines; a snapshot whose lines are only a first page (has_more, no Stripe key to
// fetch the rest) updates the lines it has and keeps the others. An older snapshot — e.g. an
// invoice.updated that arrives after invoice.paid — is skipped by the ordering rule.
export async function applyStripeInvoice(ctx: BillingSyncContext, record: InvoiceRecord): Promise<StripeHandlerResult> {
  const { tx, eventCreatedAt } = ctx;
  const id = record.externalId;
  await lockStripeObjects(tx, [record.customerExternalId, id]);
  const customerId = await ensureStripeCustomer(tx, record.customerExternalId, ctx.platform);
  const stored = await tx.invoice.findUnique({
    where: { externalId: id },
    select: { id: true, status: true, attemptCount: true, amountPaid: true, sourceEventCreatedAt: true },
  });
  const storedKey = stored
    ? storedOrderingKey('invoice', id, stored.sourceEventCreatedAt, {
        status: stored.status,
        attempt_count: stored.attemptCount,
        amount_paid: stored.amountPaid,
      })
    : null;
  const skipped = olderThanStoredNote(ctx.event.orderingKey, storedKey);
  if (skipped) return { note: skipped };

  const status = STATUSES.find((s) => s === record.status);
  if (!status) throw new Error(`Invoice ${id} has status ${record.status ?? '(none)'}, which Tollgate does not know`);
  const subscription = record.subscriptionExternalId
    ? await tx.subscription.findUnique({ where: { externalId: record.subscriptionExternalId }, select: { id: true } })
    : null;
  const periodStart = record.periodStart ?? record.createdAt ?? eventCreatedAt;
  const data = {
    customerId,
    subscriptionId: subscription?.id ?? null,
    number: record.number,
    status,
    currency: required(record.currency, 'currency', id),
    periodStart,
    periodEnd: record.periodEnd ?? periodStart,
    subtotal: required(record.subtotal, 'subtotal', id),
    discountTotal: record.discountAmount ?? 0,
    creditTotal: record.creditAmount ?? 0,
    tax: record.tax ?? 0,
    total: required(record.total, 'total', id),
    amountDue: required(record.amountDue, 'amount_due', id),
    amountPaid: record.amountPaid ?? 0,
    amountRemaining: record.amountRemaining ?? 0,
    attemptCount: record.attemptCount ?? 0,
    nextPaymentAttemptAt: record.nextPaymentAttempt,
    dueDate: record.dueDate,
    hostedUrl: record.hostedInvoiceUrl,
    finalizedAt: record.finalizedAt,
    paidAt: record.paidAt,
    sourceEventCreatedAt: eventCreatedAt,
  };
  const invoice = stored
    ? await tx.invoice.update({ where: { id: stored.id }, data, select: { id: true } })
    : await tx.invoice.create({ data: { ...data, externalId: id }, select: { id: true } });

  const meters = await meterIdsByExternalId(tx, record.lines);
  if (!record.linesTruncated) {
    await tx.invoiceLine.deleteMany({ where: { invoiceId: invoice.id } });
    await tx.invoiceLine.createMany({
      data: record.lines.map((line, i) => ({ invoiceId: invoice.id, ...lineData(line, i, meters) })),
    });
    return {};
  }
  for (const [i, line] of record.lines.entries()) {
    const values = lineData(line, i, meters);
    await tx.invoiceLine.upsert({
      where: { invoiceId_externalId: { invoiceId: invoice.id, externalId: line.externalId } },
      create: { invoiceId: invoice.id, ...values },
      update: values,
    });
  }
  return {
    note: `invoice ${id}: the payload lists only the first ${record.lines.length} lines (has_more); connect Stripe (a key) to fetch them all`,
  };
}
