'use client';
import Link from 'next/link';
import { formatMoney } from '@/lib/money';
import { formatDate, formatDateTime, formatPercent } from '@/lib/format';
import { kindLabel } from '@/lib/schemas/action-kinds';
import type { DunningEpisodeView, DunningTimeline } from '@/lib/schemas/dunning';
import { useDunningTimeline } from '@/lib/queries/use-dunning-timeline';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';

const STEP_LABELS: Record<string, string> = {
  retry: 'Retry',
  update_card_email: 'Update-card e-mail',
  call_task: 'Call task',
  usage_credit: 'Retention credit',
  pause_offer: 'Pause / downgrade offer',
  stop: 'Stop',
  recovered: 'Recovered',
  closed: 'Closed',
};
const CLASS_TONES: Record<string, BadgeTone> = { soft: 'amber', hard: 'red', needs_customer: 'blue', fraud: 'red' };
const OUTCOME_TONES: Record<DunningEpisodeView['outcome'], BadgeTone> = {
  open: 'amber',
  recovered: 'green',
  closed: 'gray',
};
const PHASE_TEXT = { grace: 'Full service (grace)', soft_limit: 'Included usage only', refused: 'Refused' } as const;

function GraceSummary({ grace }: { grace: NonNullable<DunningTimeline['grace']> }) {
  return (
    <div className="mb-4 rounded-md bg-slate-50 p-3 text-sm" data-testid="dunning-grace">
      <p>
        While past due, <span className="font-medium">{grace.planName}</span> keeps full service for {grace.allowDays}{' '}
        days, then included usage only until day {grace.refuseAfterDays}, then the entitlement check refuses
        {grace.isDefault ? ' (default policy)' : ''}.
      </p>
      {grace.current ? (
        <p className="mt-1">
          <Badge tone={grace.current.phase === 'grace' ? 'amber' : 'red'}>{PHASE_TEXT[grace.current.phase]}</Badge> past
          due since {formatDate(grace.current.since)}; included-only from {formatDate(grace.current.softLimitFrom)},
          refused from {formatDate(grace.current.refuseFrom)}.
        </p>
      ) : null}
    </div>
  );
}

function Episode({ e }: { e: DunningEpisodeView }) {
  return (
    <li className="py-3" data-testid={`dunning-episode-${e.invoiceId}`}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href={`/invoices/${e.invoiceId}`} className="font-medium text-brand-700 hover:underline">
          {e.invoiceNumber ?? e.invoiceId}
        </Link>
        <span className="tabular-nums text-slate-600">{formatMoney(e.amountRemaining, e.currency)} open</span>
        <Badge tone={OUTCOME_TONES[e.outcome]}>{e.outcome}</Badge>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {e.failures.length} failed attempt(s):{' '}
        {e.failures.map((f) => `${formatDate(f.at)} ${f.code ?? 'no code'}`).join(' · ')}
      </p>
      <ol className="mt-2 flex flex-col gap-2 border-l border-slate-200 pl-3">
        {e.decisions.map((d) => (
          <li key={d.runId} className="text-sm" data-testid="dunning-decision">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-xs text-slate-500">{formatDateTime(d.at)}</span>
              <span className="font-medium">{STEP_LABELS[d.step] ?? d.step}</span>
              {d.declineClass ? (
                <Badge tone={CLASS_TONES[d.declineClass] ?? 'gray'}>{d.declineClass.replace('_', ' ')}</Badge>
              ) : null}
              {d.probability !== null ? (
                <span className="text-xs text-slate-600">{formatPercent(d.probability)} likely to recover</span>
              ) : null}
              {d.retryAt ? <span className="text-xs text-slate-600">at {formatDateTime(d.retryAt)}</span> : null}
              {d.extendGrace ? <Badge tone="blue">grace extended</Badge> : null}
            </div>
            <p className="text-xs text-slate-600">{d.why.join(' ')}</p>
            {d.factors.length ? (
              <p className="text-xs text-slate-500">
                Factors ({d.modelVersion}):{' '}
                {d.factors
                  .map(
                    (f) =>
                      `${f.feature.replaceAll('_', ' ')} ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}`,
                  )
                  .join(', ')}
              </p>
            ) : null}
            {d.actions.length ? (
              <p className="text-xs">
                {d.actions.map((a) => (
                  <span key={a.id} className="mr-2">
                    {kindLabel(a.kind)}: {a.status.replace('_', ' ')}
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </li>
  );
}

// The customer's dunning: what the entitlement check does while they are past due, and each
// invoice whose payment failed — its failures, every billing-ops decision with its class, step,
// odds, reasons and factors, the drafts and their status, and the outcome.
export function DunningTimelineCard({ customerId, className }: { customerId: string; className?: string }) {
  const { data, isLoading, error } = useDunningTimeline(customerId);
  return (
    <Card title="Dunning" className={className}>
      <QueryState isLoading={isLoading} error={error}>
        {data ? (
          <>
            {data.grace ? <GraceSummary grace={data.grace} /> : null}
            {data.episodes.length === 0 ? (
              <p className="text-sm text-slate-500">No failed payments.</p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="dunning-timeline">
                {data.episodes.map((e) => (
                  <Episode key={e.invoiceId} e={e} />
                ))}
              </ul>
            )}
          </>
        ) : null}
      </QueryState>
    </Card>
  );
}
