'use client';
import { formatDateTime, formatPercent, formatQuantity } from '@/lib/format';
import { useCustomerApiErrors } from '@/lib/queries/use-customer-support';
import { Badge } from '@/components/ui/badge';
import { QueryCard } from '@/components/ui/query-card';

// Recent API errors: usage events whose status property is 400 or more, by endpoint and status.
export function CustomerApiErrorsCard({ customerId, className }: { customerId: string; className?: string }) {
  const query = useCustomerApiErrors(customerId, 7);
  return (
    <QueryCard title="API errors (last 7 days)" className={className} query={query} testId="api-errors-card">
      {(e) =>
        e.errorEvents === 0 ? (
          <p className="text-sm text-slate-500">No errors in {formatQuantity(e.totalEvents)} metered request(s).</p>
        ) : (
          <div className="flex flex-col gap-2 text-sm">
            <p className="text-slate-600">
              {formatQuantity(e.errorEvents)} of {formatQuantity(e.totalEvents)} requests failed (
              {formatPercent(e.errorEvents / Math.max(1, e.totalEvents))}).
            </p>
            <table className="w-full text-left">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 font-medium">Endpoint</th>
                  <th className="py-1 font-medium">Status</th>
                  <th className="py-1 text-right font-medium">Count</th>
                  <th className="py-1 text-right font-medium">Last seen</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {e.groups.map((g) => (
                  <tr key={`${g.endpoint}-${g.status}`} data-testid="api-error-row">
                    <td className="py-1.5 font-mono text-xs">{g.endpoint}</td>
                    <td className="py-1.5">
                      <Badge tone={g.status >= 500 ? 'red' : 'amber'}>{g.status}</Badge>
                    </td>
                    <td className="py-1.5 text-right tabular-nums">{formatQuantity(g.count)}</td>
                    <td className="py-1.5 text-right text-xs text-slate-500">{formatDateTime(g.lastSeenAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryCard>
  );
}
