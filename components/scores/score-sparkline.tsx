'use client';
import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import { formatDate } from '@/lib/format';

// The score's trend over its history (one point per recomputation that changed it).
export function ScoreSparkline({
  points,
  label,
  color,
}: {
  points: { t: number; value: number }[];
  label: string;
  color: string;
}) {
  if (points.length < 2) return <p className="text-xs text-slate-500">Trend after the next recomputation.</p>;
  return (
    <div className="h-10 w-full" role="img" aria-label={`${label} trend`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
          <YAxis domain={[0, 100]} hide />
          <Tooltip
            formatter={(v) => [String(v), label]}
            labelFormatter={(_, payload) => {
              const t = payload?.[0]?.payload?.t;
              return typeof t === 'number' ? formatDate(new Date(t)) : '';
            }}
          />
          <Line type="monotone" dataKey="value" stroke={color} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
