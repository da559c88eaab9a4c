import type Stripe from 'stripe';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { clock } from '@/lib/clock';
import { compareUsageFigures } from './compare-usage-figures';
import { fetchStripeMeterTotal } from './fetch-stripe-meter-total';
import { readUsageFigures } from './read-usage-figures';

export interface ReconcileInput {
  from: Date;
  to: Date;
  /** One customer, or every customer with usage of a Stripe-mapped meter in the period. */
  customerId?: string | null;
  /** The invoice that bills this period: its line quantities and amount paid are compared too. */
  invoiceId?: string | null;
  stripe: Stripe | null;
  trigger: string;
}

export interface ReconciledRow {
  id: string;
  customerId: string;
  meterId: string;
  findings: string[];
  flagged: boolean;
  /** Flagged now and not before (or with other findings): worth telling someone about. */
  newlyFlagged: boolean;
  actionId: string | null;
}

const isWholeHour = (d: Date) => d.getTime() % 3_600_000 === 0;

// Reconciles one period: per customer × meter, Tollgate's figures, Stripe's meter summary and the
// invoice line, compared within RECONCILIATION_TOLERANCE; the row for (customer, meter, period
// start) is rewritten with what was found. Stripe being unreachable leaves its figure empty
// rather than failing the others.
export async function reconcileUsagePeriod(input: ReconcileInput): Promise<ReconciledRow[]> {
  const db = getDb();
  const env = getEnv();
  const tolerance = { ratio: env.RECONCILIATION_TOLERANCE, units: env.RECONCILIATION_TOLERANCE_UNITS };
  const invoice = input.invoiceId
    ? await db.invoice.findUnique({
        where: { id: input.invoiceId },
        select: {
          id: true,
          customerId: true,
          amountPaid: true,
          currency: true,
          lines: { select: { meterId: true, quantity: true } },
        },
      })
    : null;
  const customerId = invoice?.customerId ?? input.customerId ?? null;
  const figures = await readUsageFigures(input.from, input.to, customerId);
  // A metered invoice line with no usage at all in Tollgate is drift too.
  for (const line of invoice?.lines ?? [])
    if (line.meterId && !figures.some((f) => f.meterId === line.meterId))
      figures.push({
        customerId: invoice!.customerId,
        meterId: line.meterId,
        accepted: 0,
        forwarded: 0,
        acknowledged: 0,
        unacknowledgedEvents: 0,
        flaggedEvents: 0,
        rolledUp: 0,
      });
  const [customers, meters] = await Promise.all([
    db.customer.findMany({
      where: { id: { in: [...new Set(figures.map((f) => f.customerId))] } },
      select: { id: true, externalId: true, billingProvider: true },
    }),
    db.meter.findMany({
      where: { id: { in: [...new Set(figures.map((f) => f.meterId))] } },
      select: { id: true, externalId: true, stripeEventName: true },
    }),
  ]);
  const out: ReconciledRow[] = [];
  for (const f of figures) {
    const customer = customers.find((c) => c.id === f.customerId);
    const meter = meters.find((m) => m.id === f.meterId);
    let stripeReported: number | null = null;
    if (input.stripe && customer?.billingProvider === 'stripe' && customer.externalId && meter?.externalId) {
      stripeReported = await fetchStripeMeterTotal(
        input.stripe,
        meter.externalId,
        customer.externalId,
        input.from,
        input.to,
      ).catch(() => null);
    }
    const lines = invoice?.lines.filter((l) => l.meterId === f.meterId) ?? [];
    const invoiced = invoice ? lines.reduce((a, l) => a + Number(l.quantity ?? 0), 0) : null;
    const rolledUp = isWholeHour(input.from) && isWholeHour(input.to) ? f.rolledUp : null;
    const findings = compareUsageFigures({ ...f, rolledUp, stripeReported, invoiced }, tolerance);
    const key = { customerId: f.customerId, meterId: f.meterId, periodStart: input.from };
    const before = await db.usageReconciliation.findUnique({
      where: { customerId_meterId_periodStart: key },
      select: { findings: true, actionId: true },
    });
    const data = {
      periodEnd: input.to,
      accepted: f.accepted,
      rolledUp: f.rolledUp,
      forwarded: f.forwarded,
      acknowledged: f.acknowledged,
      unacknowledgedEvents: f.unacknowledgedEvents,
      flaggedEvents: f.flaggedEvents,
      stripeReported,
      invoiced,
      invoiceId: invoice?.id ?? null,
      amountPaid: invoice?.amountPaid ?? null,
      currency: invoice?.currency ?? null,
      findings,
      flagged: findings.length > 0,
      trigger: input.trigger,
      checkedAt: clock.now(),
    };
    const newlyFlagged = findings.length > 0 && (!before || before.findings.join('|') !== findings.join('|'));
    const row = await db.usageReconciliation.upsert({
      where: { customerId_meterId_periodStart: key },
      create: { ...key, ...data },
      update: { ...data, ...(newlyFlagged ? { actionId: null } : {}) },
      select: { id: true, actionId: true },
    });
    out.push({
      id: row.id,
      customerId: f.customerId,
      meterId: f.meterId,
      findings,
      flagged: findings.length > 0,
      newlyFlagged,
      actionId: row.actionId,
    });
  }
  return out;
}
