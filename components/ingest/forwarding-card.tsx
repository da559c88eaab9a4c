'use client';
import { useForwardingStats } from '@/lib/queries/use-reconciliation';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';

const ms = (v: number | null) => (v === null ? '–' : v < 1_000 ? `${v} ms` : `${(v / 1_000).toFixed(1)} s`);

// Usage forwarding to Stripe meters: backlog, what is flagged (and so not billed), and how long
// accepted usage takes to be acknowledged by Stripe.
export function ForwardingCard() {
  const { data, isLoading, error } = useForwardingStats();
  const stat = (label: string, value: string, testId: string, warn = false) => (
    <div>
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`text-lg tabular-nums ${warn ? 'text-red-700' : ''}`} data-testid={testId}>
        {value}
      </div>
    </div>
  );
  return (
    <Card title="Forwarding to Stripe meters">
      <QueryState isLoading={isLoading} error={error}>
        {data ? (
          <div className="flex flex-col gap-3">
            {!data.configured ? (
              <p className="text-sm text-amber-700">
                Not sending: {data.mode === 'off' ? 'USAGE_FORWARDING is off' : 'no Stripe key is configured'}. Accepted
                usage waits here and is sent once it is.
              </p>
            ) : null}
            <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              {stat('Waiting to send', String(data.pendingEvents + data.inFlightUnits), 'fw-backlog')}
              {stat('Acknowledged, last hour', String(data.ackedLastHour), 'fw-acked')}
              {stat('Accept → ack p50 / p99', `${ms(data.lagP50Ms)} / ${ms(data.lagP99Ms)}`, 'fw-lag')}
              {stat(
                'Flagged (not billed)',
                String(data.flaggedEvents + data.flaggedUnits),
                'fw-flagged',
                data.flaggedEvents + data.flaggedUnits > 0,
              )}
            </div>
            {data.oldestUnacknowledgedAt ? (
              <p className="text-xs text-slate-500">
                Oldest unacknowledged usage accepted {data.oldestUnacknowledgedAt.replace('T', ' ').slice(0, 19)} UTC.
              </p>
            ) : null}
          </div>
        ) : null}
      </QueryState>
    </Card>
  );
}
