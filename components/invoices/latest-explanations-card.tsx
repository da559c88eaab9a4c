'use client';
import { formatMoney } from '@/lib/money';
import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { useCustomerExplanations } from '@/lib/queries/use-invoice-explanations';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';
import { AttributedTextView } from './attributed-text';

// For the customer page: the latest explanation of each recent invoice, so support can answer
// "why is my bill higher?" without leaving the customer. Numbers show their source on hover.
export function LatestExplanationsCard({ customerId, className }: { customerId: string; className?: string }) {
  const { data, isLoading, error } = useCustomerExplanations(customerId);
  return (
    <Card title="Invoice explanations" className={className}>
      <QueryState isLoading={isLoading} error={error}>
        {data && data.items.length === 0 ? (
          <p className="text-sm text-slate-500">No invoice has been explained yet.</p>
        ) : null}
        <ul className="flex flex-col divide-y divide-slate-100">
          {data?.items.map((ex) => (
            <li key={ex.id} className="flex flex-col gap-1 py-3 first:pt-0" data-testid="latest-explanation">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`/invoices/${ex.invoice.id}`} className="font-medium text-brand-700 hover:underline">
                  {ex.invoice.number ?? ex.invoice.id}
                </Link>
                <span className="text-slate-500">
                  {formatDate(ex.invoice.periodStart)} – {formatDate(ex.invoice.periodEnd)}
                </span>
                <span className="tabular-nums">{formatMoney(ex.invoice.total, ex.invoice.currency)}</span>
                <Badge tone={ex.source === 'model' ? 'blue' : 'gray'}>{ex.writerLabel}</Badge>
              </div>
              <p className="text-sm leading-relaxed text-slate-700">
                <AttributedTextView value={ex.summary} />
              </p>
            </li>
          ))}
        </ul>
      </QueryState>
    </Card>
  );
}
