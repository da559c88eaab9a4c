'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WorkflowView } from '@/lib/schemas/workflows';

const SERIES = [
  { key: 'auto', label: 'Autopilot', color: '#16a34a' },
  { key: 'unedited', label: 'Approved unedited', color: '#2563eb' },
  { key: 'edited', label: 'Approved edited', color: '#f59e0b' },
  { key: 'rejected', label: 'Rejected', color: '#dc2626' },
  { key: 'expired', label: 'Expired', color: '#94a3b8' },
] as const;

// How reviewers decided the workflow's drafts, week by week (stacked), over the metrics window.
export function WorkflowChart({ workflow }: { workflow: WorkflowView }) {
  const data = workflow.metrics.weekly;
  if (!data.length)
    return <p className="text-xs text-slate-500">No drafts in the last {workflow.metrics.windowDays} days.</p>;
  return (
    <figure
      className="h-48 w-full"
      aria-label={`${workflow.agentTitle} · ${workflow.actionKind}: drafts per week by outcome`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="week" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={32} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={s.color} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
