'use client';
import Link from 'next/link';
import { formatMoney } from '@/lib/money';
import { formatDate } from '@/lib/format';
import type { CustomerDetail } from '@/lib/schemas/customers';
import { Card } from '@/components/ui/card';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge';

// The customer's recent invoices; each links to its page with the line-by-line explanation.
export function CustomerInvoicesCard({
  invoices,
  className,
}: {
  invoices: CustomerDetail['invoices'];
  className?: string;
}) {
  return (
    <Card title="Invoices" className={className}>
      {invoices.length === 0 ? (
        <p className="text-sm text-slate-500">No invoices yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {invoices.map((i) => (
            <li key={i.id} className="flex items-center justify-between gap-2 py-2">
              <Link href={`/invoices/${i.id}`} className="font-medium text-brand-700 hover:underline">
                {i.number ?? i.id}
              </Link>
              <span className="text-slate-500">
                {formatDate(i.periodStart)} – {formatDate(i.periodEnd)}
              </span>
              <span className="tabular-nums">{formatMoney(i.total, i.currency)}</span>
              <InvoiceStatusBadge status={i.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
