'use client';
import { useState } from 'react';
import { useApproveIncidentCredits, useIncident, type CreditVerdict } from '@/lib/queries/use-incidents';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';
import { CohortTable } from './cohort-table';
import { IncidentTimeline } from './incident-timeline';
import { ResolveIncidentDialog } from './resolve-incident-dialog';

function verdictText(results: CreditVerdict[]): string {
  const approved = results.filter((r) => r.status === 'approved').length;
  const second = results.filter((r) => r.status === 'pending_approval').length;
  const refused = results.filter((r) => r.error);
  return [
    `${approved} approved`,
    second ? `${second} need a second approver` : null,
    refused.length ? `${refused.length} refused (${refused.map((r) => r.error!.message).join('; ')})` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

// The incident page: what happened, who it hurt (validated from usage) and what they are owed,
// with the batch of SLA credits approved together.
export function IncidentDetailView({
  id,
  canManage,
  canDecide,
}: {
  id: string;
  canManage: boolean;
  canDecide: boolean;
}) {
  const { data, isLoading, error } = useIncident(id);
  const approve = useApproveIncidentCredits(id);
  const [resolving, setResolving] = useState(false);
  const pending = data?.totals.pendingActionIds ?? [];
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data ? (
        <div className="flex flex-col gap-4">
          <h2 className="text-lg font-semibold text-slate-900" data-testid="incident-title">
            {data.title}
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={data.status === 'resolved' ? 'green' : 'red'}>{data.status}</Badge>
            <Badge tone="amber">{data.severity}</Badge>
            <span className="text-sm text-slate-600">
              {formatDateTime(data.startedAt)} → {data.resolvedAt ? formatDateTime(data.resolvedAt) : 'ongoing'} · via{' '}
              {data.source} · {data.regions.join(', ') || 'all regions'} · {data.services.join(', ') || 'all services'}
            </span>
            {canManage && data.status !== 'resolved' ? (
              <Button className="ml-auto" onClick={() => setResolving(true)}>
                Resolve
              </Button>
            ) : null}
          </div>
          {data.description ? <p className="text-sm text-slate-700">{data.description}</p> : null}
          <div className="grid gap-4 lg:grid-cols-3">
            <Card title="Timeline" className="lg:col-span-1">
              <IncidentTimeline events={data.timeline} />
            </Card>
            <Card
              title={`Cohort · ${data.totals.included} in, ${data.totals.excluded} excluded`}
              className="lg:col-span-2"
              actions={
                canDecide && pending.length ? (
                  <Button
                    disabled={approve.isPending}
                    onClick={() => approve.mutate(pending)}
                    data-testid="approve-credits"
                  >
                    Approve {pending.length} credit{pending.length === 1 ? '' : 's'}
                  </Button>
                ) : null
              }
            >
              {data.assessments.length === 0 ? (
                <p className="text-sm text-slate-500">
                  {data.status === 'resolved'
                    ? 'The SLA agent is validating the cohort from usage…'
                    : 'The cohort is validated once the incident is resolved.'}
                </p>
              ) : (
                <>
                  <p className="mb-3 text-sm text-slate-600" data-testid="credit-total">
                    Credits owed: {formatMoney(data.totals.creditMinor, data.totals.currency ?? 'usd')}
                  </p>
                  {approve.data ? (
                    <p className="mb-3 text-sm text-slate-700" data-testid="approve-outcome">
                      {verdictText(approve.data.results)}
                    </p>
                  ) : null}
                  {approve.error ? <p className="mb-3 text-sm text-red-700">{approve.error.message}</p> : null}
                  <CohortTable rows={data.assessments} />
                </>
              )}
            </Card>
          </div>
          {resolving ? <ResolveIncidentDialog incidentId={id} onClose={() => setResolving(false)} /> : null}
        </div>
      ) : null}
    </QueryState>
  );
}
