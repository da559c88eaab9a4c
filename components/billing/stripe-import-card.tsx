'use client';
import { useState } from 'react';
import type { StripeImportView } from '@/lib/schemas/stripe-import';
import {
  useLatestStripeImport,
  useResumeStripeImport,
  useStartStripeImport,
  type ImportPlatform,
} from '@/lib/queries/use-stripe-import';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';

const STATUS_TONE: Record<StripeImportView['status'], BadgeTone> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

const eta = (seconds: number | null) =>
  seconds === null ? '' : seconds < 60 ? `${seconds}s left` : `${Math.ceil(seconds / 60)} min left`;

const PLATFORMS: Record<ImportPlatform, { label: string; reads: string }> = {
  stripe: {
    label: 'Stripe',
    reads:
      'Reads products, prices, billing meters, customers, subscriptions, and the last months of invoices, payments, credit notes and disputes.',
  },
  chargebee: {
    label: 'Chargebee',
    reads:
      'Reads item prices (plan item prices become plans), customers, subscriptions, and the last months of invoices.',
  },
};

// Import / backfill from a billing platform: start it (history window in months), then a progress
// bar per object type while the worker runs it, with the errors and the object ids they concern.
export function StripeImportCard({
  connected,
  platform = 'stripe',
}: {
  connected: boolean;
  platform?: ImportPlatform;
}) {
  const { label, reads } = PLATFORMS[platform];
  const { data, isLoading, error } = useLatestStripeImport(platform);
  const start = useStartStripeImport(platform);
  const resume = useResumeStripeImport(platform);
  const [months, setMonths] = useState(12);
  const run = data?.run ?? null;
  const active = run?.status === 'queued' || (run?.status === 'running' && !run.stalled);

  return (
    <Card title={`Import from ${label}`}>
      <div className="flex flex-col gap-4 text-sm">
        <p className="text-slate-600">
          {reads} Re-running updates what changed and never duplicates; an interrupted import resumes where it stopped.
          {platform === 'stripe' ? (
            <>
              {' '}
              The CLI does the same: <code>npm run stripe:import -- --months 12</code>.
            </>
          ) : null}
        </p>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            History (months)
            <Input
              type="number"
              min={1}
              max={120}
              value={months}
              onChange={(e) => setMonths(Number(e.target.value))}
              className="w-28"
            />
          </label>
          <Button disabled={!connected || active || start.isPending} onClick={() => start.mutate(months)}>
            {run ? 'Import again' : `Import from ${label}`}
          </Button>
          {run && (run.status === 'failed' || run.stalled) ? (
            <Button variant="secondary" disabled={resume.isPending} onClick={() => resume.mutate(run.id)}>
              Resume from checkpoint
            </Button>
          ) : null}
          {!connected ? <span className="text-amber-800">Connect {label} first.</span> : null}
        </div>
        {start.error ? <p className="text-red-700">{start.error.message}</p> : null}
        <QueryState isLoading={isLoading} error={error}>
          {run ? <ImportProgress run={run} /> : null}
        </QueryState>
      </div>
    </Card>
  );
}

function ImportProgress({ run }: { run: StripeImportView }) {
  return (
    <div className="flex flex-col gap-3" data-testid="import-progress">
      <div className="flex items-center gap-2">
        <Badge tone={STATUS_TONE[run.status]}>{run.stalled ? 'stalled' : run.status}</Badge>
        <span className="text-xs text-slate-500">
          last {run.sinceMonths} months{run.startedAt ? ` · started ${new Date(run.startedAt).toLocaleString()}` : ''}
        </span>
      </div>
      {run.error ? <p className="text-red-700">{run.error}</p> : null}
      <ul className="flex flex-col gap-2">
        {run.steps.map((step) => {
          const ratio = step.total ? step.done / step.total : step.status === 'done' ? 1 : 0;
          return (
            <li
              key={step.type}
              className="grid grid-cols-[9rem_1fr_14rem] items-center gap-3"
              data-testid={`import-step-${step.type}`}
            >
              <span className="font-medium">{step.label}</span>
              <div
                className="h-2 overflow-hidden rounded-full bg-slate-100"
                role="progressbar"
                aria-label={step.label}
                aria-valuenow={Math.round(ratio * 100)}
                aria-valuemin={0}
                aria-valuemax={100}
              >
                <div
                  className={step.errors ? 'h-full bg-amber-500' : 'h-full bg-emerald-500'}
                  style={{ width: `${Math.min(1, ratio) * 100}%` }}
                />
              </div>
              <span className="text-xs text-slate-600">
                {step.done}
                {step.total !== null ? ` / ${step.total}` : ''}
                {step.ratePerSecond ? ` · ${step.ratePerSecond}/s` : ''}
                {step.status === 'running' ? ` · ${eta(step.etaSeconds)}` : ''}
                {step.errors ? ` · ${step.errors} errors` : ''}
              </span>
            </li>
          );
        })}
      </ul>
      {run.recentErrors.length ? (
        <details>
          <summary className="cursor-pointer text-amber-800">{run.recentErrors.length} objects need a look</summary>
          <ul className="mt-2 flex flex-col gap-1 text-xs">
            {run.recentErrors.map((e) => (
              <li key={`${e.objectType}-${e.objectId}-${e.at}`}>
                <code>{e.objectId}</code> ({e.objectType}): {e.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
