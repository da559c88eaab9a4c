'use client';
import { formatMoney } from '@/lib/money';
import { formatDate, formatPercent, formatQuantity } from '@/lib/format';
import { useCustomerBilling } from '@/lib/queries/use-customer-support';
import { Badge } from '@/components/ui/badge';
import { QueryCard } from '@/components/ui/query-card';
import { UsageBar } from '@/components/ui/usage-bar';

// Plan and price, and this period's usage against the plan's limits with the overage in money.
export function CustomerBillingCard({ customerId, className }: { customerId: string; className?: string }) {
  const query = useCustomerBilling(customerId);
  return (
    <QueryCard title="Plan and usage" className={className} query={query} testId="billing-card">
      {(b) =>
        !b.plan ? (
          <p className="text-sm text-slate-500">No live subscription.</p>
        ) : (
          <div className="flex flex-col gap-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span>
                <span className="font-medium">{b.plan.name}</span> ·{' '}
                <span className="tabular-nums">{formatMoney(b.plan.basePriceMinor, b.currency)}</span> per{' '}
                {b.plan.interval}{' '}
                <Badge tone={b.subscriptionStatus === 'active' ? 'green' : 'amber'}>{b.subscriptionStatus}</Badge>
                {b.cancelAtPeriodEnd ? <Badge tone="red">Cancels at period end</Badge> : null}
              </span>
              {b.periodStart && b.periodEnd ? (
                <span className="text-slate-500">
                  {formatDate(b.periodStart)} – {formatDate(b.periodEnd)}
                </span>
              ) : null}
            </div>
            <ul className="flex flex-col gap-4" data-testid="usage-list">
              {b.meters.map((m) => (
                <li key={m.meterKey}>
                  <div className="mb-1 flex justify-between gap-2 text-sm">
                    <span className="font-medium">{m.meterName}</span>
                    <span className="tabular-nums text-slate-600" data-testid={`usage-${m.meterKey}`}>
                      {formatQuantity(m.used)} / {formatQuantity(m.included)} {m.unit}
                      {m.utilisation !== null ? ` · ${formatPercent(m.utilisation)}` : ''}
                    </span>
                  </div>
                  <UsageBar ratio={m.utilisation} label={`${m.meterName} utilisation`} />
                  <div className="mt-1 flex justify-between text-xs text-slate-500">
                    <span>
                      {m.hardLimit !== null ? `Hard limit ${formatQuantity(m.hardLimit)} ${m.unit}` : 'No hard limit'}
                    </span>
                    <span
                      className={m.overageAmountMinor > 0 ? 'font-medium text-amber-700' : undefined}
                      data-testid={`overage-${m.meterKey}`}
                    >
                      {m.overageQuantity > 0
                        ? `${formatQuantity(m.overageQuantity)} over · ${formatMoney(m.overageAmountMinor, b.currency)} overage`
                        : 'No overage'}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
            <p className="border-t border-slate-100 pt-3 text-sm">
              Base price plus overage so far:{' '}
              <span className="font-medium tabular-nums" data-testid="estimated-total">
                {formatMoney(b.estimatedTotalMinor, b.currency)}
              </span>
            </p>
          </div>
        )
      }
    </QueryCard>
  );
}
