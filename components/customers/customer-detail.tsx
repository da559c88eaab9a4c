'use client';
import { formatMoney } from '@/lib/money';
import Link from 'next/link';
import { useCustomer } from '@/lib/queries/use-customers';
import { formatDate, formatPercent, formatQuantity } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { UsageBar } from '@/components/ui/usage-bar';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge';
import { LatestExplanationsCard } from '@/components/invoices/latest-explanations-card';
import { EmailDeliveryCard } from '@/components/email/email-delivery-card';
import { CustomerApiKeysCard } from './customer-api-keys-card';
import { UsageInsightsSection } from './usage-insights-section';

export function CustomerDetailView({ id, canManageKeys }: { id: string; canManageKeys: boolean }) {
  const { data: c, isLoading, error } = useCustomer(id);
  return (
    <QueryState isLoading={isLoading} error={error}>
      {c ? (
        <>
          <PageHeader
            title={c.name}
            description={
              <span className="flex flex-wrap items-center gap-2">
                {c.email} · {c.externalId ?? 'no billing id'}
                {c.plan ? <Badge tone="blue">{c.plan.name}</Badge> : null}
                {c.delinquent ? <Badge tone="red">Payment failing</Badge> : null}
              </span>
            }
          />
          <div className="grid gap-6 lg:grid-cols-3">
            <Card
              title={
                c.periodStart && c.periodEnd
                  ? `Usage this period (${formatDate(c.periodStart)} – ${formatDate(c.periodEnd)})`
                  : 'Usage'
              }
              className="lg:col-span-2"
            >
              <ul className="flex flex-col gap-4" data-testid="usage-list">
                {c.usage.map((u) => (
                  <li key={u.meterKey}>
                    <div className="mb-1 flex justify-between text-sm">
                      <span className="font-medium">{u.meterName}</span>
                      <span className="tabular-nums text-slate-600" data-testid={`usage-${u.meterKey}`}>
                        {formatQuantity(u.used)} / {u.included === null ? 'unlimited' : formatQuantity(u.included)}{' '}
                        {u.unit}
                        {u.utilisation !== null ? ` · ${formatPercent(u.utilisation)}` : ''}
                      </span>
                    </div>
                    <UsageBar ratio={u.utilisation} label={`${u.meterName} utilisation`} />
                    {u.hardLimit !== null ? (
                      <div className="mt-1 text-xs text-slate-500">
                        Hard limit {formatQuantity(u.hardLimit)} {u.unit}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Card>
            <Card title="Support">
              {c.tickets.length === 0 ? (
                <p className="text-sm text-slate-500">No tickets.</p>
              ) : (
                <ul className="flex flex-col gap-2 text-sm">
                  {c.tickets.map((t) => (
                    <li key={t.id} className="flex items-start justify-between gap-2">
                      <span>{t.subject}</span>
                      <Badge tone={t.status === 'open' ? 'amber' : 'gray'}>{t.status}</Badge>
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-3 text-xs text-slate-500">{c.failedPayments} failed payment attempt(s) on record.</p>
            </Card>
            <UsageInsightsSection customerId={c.id} />
            <LatestExplanationsCard customerId={c.id} className="lg:col-span-3" />
            <Card title="Invoices" className="lg:col-span-3">
              {c.invoices.length === 0 ? (
                <p className="text-sm text-slate-500">No invoices yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {c.invoices.map((i) => (
                    <li key={i.id} className="flex items-center justify-between py-2">
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
            <CustomerApiKeysCard customerId={c.id} canManage={canManageKeys} />
            <div className="lg:col-span-3">
              <EmailDeliveryCard filter={{ customerId: c.id }} />
            </div>
          </div>
        </>
      ) : null}
    </QueryState>
  );
}
