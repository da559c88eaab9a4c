'use client';
import { CartesianGrid, ComposedChart, Line, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatQuantity } from '@/lib/format';
import { formatCompactTick, formatDayTick } from './chart-format';

export interface HourlyAnomaly {
  at: string;
  kind: string;
  score: number;
  value: number;
}

const KIND: Record<string, string> = {
  spike: 'Spike',
  drop: 'Drop',
  level_shift: 'Level shift',
  runaway_growth: 'Runaway growth',
};

// Usage per hour, where anomalies show: each episode the analysis found is a red marker at its
// first alarmed hour (labelled with kind and detector score for screen readers and hover).
export function HourlyUsageChart({
  label,
  unit,
  hourly,
  anomalies,
}: {
  label: string;
  unit: string;
  hourly: { t: number; value: number }[];
  anomalies: HourlyAnomaly[];
}) {
  const from = hourly[0]?.t ?? 0;
  const to = hourly.at(-1)?.t ?? 1;
  return (
    <figure className="h-40 w-full" aria-label={`${label}: usage per hour`} data-testid="hourly-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={hourly} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[from, to]}
            tickFormatter={formatDayTick}
            tick={{ fontSize: 11 }}
            minTickGap={24}
          />
          <YAxis tickFormatter={formatCompactTick} tick={{ fontSize: 11 }} width={48} />
          <Tooltip
            labelFormatter={(t) => formatDateTime(new Date(Number(t)))}
            formatter={(v) => [`${formatQuantity(Number(v))} ${unit}`, 'Per hour']}
          />
          <Line dataKey="value" stroke="#475569" strokeWidth={1} dot={false} isAnimationActive={false} />
          {anomalies
            .filter((a) => Date.parse(a.at) >= from && Date.parse(a.at) <= to)
            .map((a) => (
              <ReferenceDot
                key={a.at}
                x={Date.parse(a.at)}
                y={a.value}
                r={6}
                fill="#dc2626"
                stroke="#fff"
                strokeWidth={2}
                data-testid="anomaly-marker"
                role="img"
                aria-label={`${KIND[a.kind] ?? a.kind} at ${formatDateTime(new Date(a.at))}, score ${a.score.toFixed(2)}`}
              />
            ))}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
