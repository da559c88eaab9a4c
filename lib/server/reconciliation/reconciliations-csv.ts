import Papa from 'papaparse';
import type { ReconciliationRow } from '@/lib/schemas/usage-forwarding';

// The reconciliation table as CSV (one row per customer × meter × period), for finance.
export function reconciliationsCsv(rows: ReconciliationRow[]): string {
  return Papa.unparse(
    rows.map((r) => ({
      customer: r.customerName,
      customer_id: r.customerId,
      meter: r.meterName,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      accepted: r.accepted,
      rolled_up: r.rolledUp,
      forwarded: r.forwarded,
      acknowledged: r.acknowledged,
      unacknowledged_events: r.unacknowledgedEvents,
      flagged_events: r.flaggedEvents,
      stripe_reported: r.stripeReported ?? '',
      invoiced: r.invoiced ?? '',
      invoice_id: r.invoiceId ?? '',
      amount_paid_minor: r.amountPaid ?? '',
      currency: r.currency ?? '',
      drift: r.flagged ? 'yes' : 'no',
      findings: r.findings.join('; '),
      checked_at: r.checkedAt,
    })),
    { escapeFormulae: true },
  );
}
