'use client';
import { useReconciliations } from '@/lib/queries/use-reconciliation';
import { Badge } from '@/components/ui/badge';

// On the customer page: a badge when a reconciliation found usage drift for this customer.
// Renders nothing without drift, or for a role that may not read reconciliation.
export function UsageDriftBadge({ customerId }: { customerId: string }) {
  const { data } = useReconciliations({ flagged: 'true', customerId });
  const count = data?.items.length ?? 0;
  if (!count) return null;
  return (
    <a href="/reconciliation" data-testid="usage-drift-badge" title={data!.items.flatMap((r) => r.findings).join('\n')}>
      <Badge tone="amber">Usage drift ({count})</Badge>
    </a>
  );
}
