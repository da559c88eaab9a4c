'use client';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime, formatQuantity } from '@/lib/format';
import { formatCompactTick, formatDayTick } from './chart-format';

export interface QuotaChartProps {
  label: string;
  unit: string;
  /** Cumulative usage at the end of each hour of the period. */
  points: { t: number; value: number }[];
  /** Projected cumulative usage to the period end with its 80 % band. */
  band: { t: number; expected: number; lower: number; upper: number }[];
  limit: number | null;
  hardLimit: number | null;
  crossingDate: string | null;
  periodStart: number;
  periodEnd: number;
}

interface Row {
  t: number;
  used?: number;
  expected?: number;
  range?: [number, number];
}

// Usage against quota for the current period: what is used so far (solid), where the forecast
// expects it to end (dashed) inside its 80 % band (shaded), the included quantity (and hard limit)
// as horizontal lines, the expected crossing as a vertical one.
export function QuotaChart(p: QuotaChartProps) {
  const rows: Row[] = [
    ...p.points.map((x) => ({ t: x.t, used: x.value })),
    ...p.band.map((b) => ({ t: b.t, expected: b.expected, range: [b.lower, b.upper] as [number, number] })),
  ];
  const top =
    Math.max(p.limit ?? 0, p.hardLimit ?? 0, ...p.points.map((x) => x.value), ...p.band.map((b) => b.upper)) * 1.08 ||
    1;
  const crossing = p.crossingDate ? Date.parse(p.crossingDate) : null;
  return (
    <figure
      className="h-56 w-full"
      aria-label={`${p.label}: cumulative usage this period with the forecast to the period end`}
      data-testid="quota-chart"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[p.periodStart, p.periodEnd]}
            tickFormatter={formatDayTick}
            tick={{ fontSize: 11 }}
            minTickGap={24}
          />
          <YAxis domain={[0, top]} tickFormatter={formatCompactTick} tick={{ fontSize: 11 }} width={48} />
          <Tooltip
            labelFormatter={(t) => formatDateTime(new Date(Number(t)))}
            formatter={(v, name) => [
              Array.isArray(v)
                ? v.map((x) => formatQuantity(Math.round(Number(x)))).join(' – ')
                : formatQuantity(Math.round(Number(v))),
              name,
            ]}
          />
          <Area
            dataKey="range"
            name="Forecast (80% band)"
            stroke="none"
            fill="#93c5fd"
            fillOpacity={0.45}
            isAnimationActive={false}
            data-testid="forecast-band"
            role="img"
            aria-label="Forecast 80% band"
          />
          <Line
            dataKey="expected"
            name="Forecast"
            stroke="#2563eb"
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="used"
            name={`Used (${p.unit})`}
            stroke="#0f172a"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {p.limit !== null ? (
            <ReferenceLine
              y={p.limit}
              stroke="#d97706"
              strokeDasharray="6 3"
              data-testid="limit-line"
              role="img"
              aria-label={`Included ${formatQuantity(p.limit)} ${p.unit}`}
              label={{ value: 'Included', position: 'insideTopLeft', fontSize: 11, fill: '#b45309' }}
            />
          ) : null}
          {p.hardLimit !== null ? (
            <ReferenceLine
              y={p.hardLimit}
              stroke="#dc2626"
              data-testid="hard-limit-line"
              role="img"
              aria-label={`Hard limit ${formatQuantity(p.hardLimit)} ${p.unit}`}
              label={{ value: 'Hard limit', position: 'insideTopLeft', fontSize: 11, fill: '#b91c1c' }}
            />
          ) : null}
          {crossing !== null ? (
            <ReferenceLine
              x={crossing}
              stroke="#dc2626"
              strokeDasharray="2 3"
              data-testid="crossing-line"
              role="img"
              aria-label={`Reaches the included quantity ${formatDateTime(new Date(crossing))}`}
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
