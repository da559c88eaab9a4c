'use client';
import type { MeterInsightView } from '@/lib/schemas/insights';
import { formatDate, formatDateTime, formatPercent, formatQuantity } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { HourlyUsageChart } from '@/components/charts/hourly-usage-chart';
import { QuotaChart } from '@/components/charts/quota-chart';

const KIND: Record<string, string> = {
  spike: 'Spike',
  drop: 'Drop',
  level_shift: 'Level shift',
  runaway_growth: 'Runaway growth',
};
// Whole units for large numbers, two decimals for small ones (storage in GB).
const round = (x: number) => formatQuantity(Math.abs(x) >= 100 ? Math.round(x) : x);

function crossingText(m: MeterInsightView): string {
  const f = m.forecast;
  if (m.limit === null) return 'No included quantity on this plan.';
  if (!f.crossingDate) return 'Not expected to reach the included quantity this period.';
  if ((m.utilisation ?? 0) >= 1) return `Reached the included quantity on ${formatDateTime(f.crossingDate)}.`;
  const range =
    f.crossingEarliest && f.crossingLatest
      ? ` (between ${formatDate(f.crossingEarliest)} and ${formatDate(f.crossingLatest)})`
      : f.crossingEarliest
        ? ` (as early as ${formatDate(f.crossingEarliest)})`
        : '';
  return `Expected to reach the included quantity on ${formatDate(f.crossingDate)}${range}.`;
}

// One meter's insight: utilisation and forecast in words, the quota chart (used, forecast band,
// limit), the hourly chart with anomaly markers, the thresholds fired and the anomaly evidence.
export function MeterInsightPanel({
  m,
  periodStart,
  periodEnd,
}: {
  m: MeterInsightView;
  periodStart: number;
  periodEnd: number;
}) {
  const tone = m.utilisation === null ? 'gray' : m.utilisation >= 1 ? 'red' : m.utilisation >= 0.8 ? 'amber' : 'green';
  return (
    <section
      className="flex flex-col gap-3 border-t border-slate-100 pt-4 first:border-t-0 first:pt-0"
      data-testid={`meter-insight-${m.meterKey}`}
      aria-label={`${m.meterName} insights`}
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-800">{m.meterName}</h3>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="tabular-nums text-slate-600">
            {formatQuantity(m.used)} / {m.limit === null ? 'unlimited' : formatQuantity(m.limit)} {m.unit}
          </span>
          {m.utilisation !== null ? (
            <Badge tone={tone}>
              <span data-testid="utilisation">{formatPercent(m.utilisation)}</span>
            </Badge>
          ) : null}
          {m.thresholds.map((t) => (
            <Badge key={t.pct} tone={t.resolvedAt ? 'gray' : 'amber'}>
              {t.pct}% {t.resolvedAt ? 'resolved' : `fired ${formatDate(t.firedAt)}`}
            </Badge>
          ))}
        </div>
      </header>
      <p className="text-sm text-slate-600" data-testid="forecast-summary">
        Forecast at period end: <strong className="tabular-nums">{round(m.forecast.expected)}</strong> {m.unit} (80%:{' '}
        {round(m.forecast.lower)} – {round(m.forecast.upper)}).{' '}
        <span data-testid="crossing-date">{crossingText(m)}</span>
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <QuotaChart
          label={m.meterName}
          unit={m.unit}
          points={m.points}
          band={m.forecast.band}
          limit={m.limit}
          hardLimit={m.hardLimit}
          crossingDate={m.forecast.crossingDate}
          periodStart={periodStart}
          periodEnd={periodEnd}
        />
        <HourlyUsageChart label={m.meterName} unit={m.unit} hourly={m.hourly} anomalies={m.anomalies} />
      </div>
      {m.anomalies.length ? (
        <ul className="flex flex-col gap-1 text-xs text-slate-600">
          {m.anomalies.map((a) => (
            <li key={a.at} data-testid="anomaly-item">
              <Badge tone={a.runaway || a.ongoing ? 'red' : 'amber'}>{KIND[a.kind] ?? a.kind}</Badge>{' '}
              {formatDateTime(a.at)}: {formatQuantity(a.value)} {m.unit} vs a baseline of {round(a.expected)} ({a.ratio}
              x), detector score {a.score.toFixed(2)}
              {a.ongoing ? ' — still going on' : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
