'use client';
import { formatMoney } from '@/lib/money';
import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { useInvoice } from '@/lib/queries/use-invoice';
import { useInvoiceExplanations } from '@/lib/queries/use-invoice-explanations';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ChangeDriversCard } from './change-drivers-card';
import { ExplanationCard } from './explanation-card';
import { InvoiceLinesCard } from './invoice-lines-card';
import { InvoiceStatusBadge } from './invoice-status-badge';

export function InvoiceDetailView({ id, canManage }: { id: string; canManage: boolean }) {
  const { data: invoice, isLoading, error } = useInvoice(id);
  // Same query as the explanation card (one request): the drivers of the latest explanation.
  const explanations = useInvoiceExplanations(id);
  return (
    <QueryState isLoading={isLoading} error={error}>
      {invoice ? (
        <>
          <PageHeader
            title={`Invoice ${invoice.number ?? invoice.id}`}
            description={
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/customers/${invoice.customer.id}`} className="text-brand-700 hover:underline">
                  {invoice.customer.name}
                </Link>
                <span>
                  · {formatDate(invoice.periodStart)} – {formatDate(invoice.periodEnd)}
                </span>
                <span className="tabular-nums" data-testid="invoice-total">
                  · {formatMoney(invoice.total, invoice.currency)}
                </span>
                <InvoiceStatusBadge status={invoice.status} />
                {invoice.previousInvoice ? (
                  <Link
                    href={`/invoices/${invoice.previousInvoice.id}`}
                    className="text-xs text-brand-700 hover:underline"
                  >
                    Previous invoice {invoice.previousInvoice.number ?? ''}
                  </Link>
                ) : null}
              </span>
            }
          />
          <div className="grid items-start gap-6 xl:grid-cols-5">
            <div className="xl:col-span-3">
              <ExplanationCard invoice={invoice} canManage={canManage} />
            </div>
            <div className="xl:col-span-2">
              <ChangeDriversCard change={explanations.data?.items[0]?.change ?? null} />
            </div>
            <div className="xl:col-span-5">
              <InvoiceLinesCard invoice={invoice} />
            </div>
          </div>
        </>
      ) : null}
    </QueryState>
  );
}
