'use client';
import Link from 'next/link';
import { formatMoney } from '@/lib/money';
import { formatDate } from '@/lib/format';
import { useActionList } from '@/lib/queries/use-actions';
import { ACTION_KINDS } from '@/lib/schemas/action-kinds';
import { Badge } from '@/components/ui/badge';
import { QueryCard } from '@/components/ui/query-card';

// Actions waiting for people (drafted credits, plan changes, dunning steps …) for this customer.
export function CustomerPendingActionsCard({ customerId, className }: { customerId: string; className?: string }) {
  const query = useActionList({ customerId, status: 'open' });
  return (
    <QueryCard title="Pending actions" className={className} query={query} testId="pending-actions-card">
      {({ items }) =>
        items.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing waiting for approval.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {items.slice(0, 8).map((a) => (
              <li key={a.id} className="flex flex-col gap-0.5 py-2" data-testid="pending-action">
                <div className="flex items-center justify-between gap-2">
                  <Link
                    href={`/approvals/${encodeURIComponent(a.id)}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {a.title}
                  </Link>
                  <Badge tone="amber">{a.status.replace('_', ' ')}</Badge>
                </div>
                <div className="text-xs text-slate-500">
                  {ACTION_KINDS[a.kind]?.label ?? a.kind}
                  {a.amountMinor !== null && a.currency ? ` · ${formatMoney(a.amountMinor, a.currency)}` : ''} · drafted{' '}
                  {formatDate(a.createdAt)}
                </div>
              </li>
            ))}
          </ul>
        )
      }
    </QueryCard>
  );
}
