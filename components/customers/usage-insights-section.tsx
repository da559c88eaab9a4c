'use client';
import { useUsageInsights } from '@/lib/queries/use-usage-insights';
import { formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';
import { MeterInsightPanel } from './meter-insight-panel';
import { UsageDecisions } from './usage-decisions';

// The customer page's usage insights: per meter the quota chart with forecast band and the
// hourly chart with anomaly markers, then the usage analyst's drafted actions and why.
export function UsageInsightsSection({ customerId }: { customerId: string }) {
  const { data, isLoading, error } = useUsageInsights(customerId);
  const start = data?.periodStart ? Date.parse(data.periodStart) : 0;
  const end = data?.periodEnd ? Date.parse(data.periodEnd) : 0;
  return (
    <>
      <Card
        title={data ? `Usage insights (as of ${formatDateTime(data.asOf)})` : 'Usage insights'}
        className="lg:col-span-full"
      >
        <QueryState isLoading={isLoading} error={error}>
          {data && data.meters.length ? (
            <div className="flex flex-col gap-4" data-testid="usage-insights">
              {data.meters.map((m) => (
                <MeterInsightPanel key={m.meterKey} m={m} periodStart={start} periodEnd={end} />
              ))}
            </div>
          ) : (
            <p className="text-sm text-slate-500">No metered subscription to analyse.</p>
          )}
        </QueryState>
      </Card>
      <Card title="Usage analyst decisions" className="lg:col-span-full">
        <QueryState isLoading={isLoading} error={error}>
          <div data-testid="usage-decisions">{data ? <UsageDecisions decisions={data.decisions} /> : null}</div>
        </QueryState>
      </Card>
    </>
  );
}
