'use client';
import { useState } from 'react';
import { formatDate } from '@/lib/format';
import { kindLabel } from '@/lib/schemas/action-kinds';
import type { WorkflowView } from '@/lib/schemas/workflows';
import { useDecideOverride, useRequestOverride, useSetWorkflowPhase } from '@/lib/queries/use-workflows';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { WorkflowChart } from './workflow-chart';

const PHASE_TONES: Record<string, BadgeTone> = { observe: 'blue', assist: 'amber', autopilot: 'green' };

// One workflow: its phase and since when, the evidence for it, the promotion checks, and the
// buttons an admin has — promote, back to assist (instant), request or decide an override.
export function WorkflowCard({
  workflow: wf,
  canEdit,
  userId,
}: {
  workflow: WorkflowView;
  canEdit: boolean;
  userId: string;
}) {
  const m = wf.metrics;
  const setPhase = useSetWorkflowPhase();
  const requestOverride = useRequestOverride();
  const decideOverride = useDecideOverride();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const error = setPhase.error ?? requestOverride.error ?? decideOverride.error;
  const pending = wf.pendingOverride;
  return (
    <Card
      title={
        <span data-testid="workflow-title">
          {wf.agentTitle} · {kindLabel(wf.actionKind)}
        </span>
      }
      actions={
        <span className="flex items-center gap-2 text-xs text-slate-600">
          <Badge tone={PHASE_TONES[wf.phase]}>{wf.phase}</Badge>
          since {formatDate(wf.phaseSince)} · {m.daysInAssist} days in assist
        </span>
      }
    >
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2 text-sm">
          <p data-testid="workflow-evidence">
            Last {m.windowDays} days: {m.drafts} drafts decided — {m.approvedUnedited} approved unedited
            {m.uneditedPercent !== null ? ` (${m.uneditedPercent} %)` : ''}, {m.approvedEdited} edited
            {m.editDelta.averagePercent !== null
              ? ` (amount moved ${m.editDelta.averagePercent} % on average, at most ${m.editDelta.maxPercent} %)`
              : ''}
            , {m.rejected} rejected, {m.expired} expired; {m.autoApproved} on autopilot; {m.reversals} reversed.
          </p>
          {m.rejectionReasons.length ? (
            <p className="text-xs text-slate-600">
              Rejected because: {m.rejectionReasons.map((r) => `${r.reason} (${r.count})`).join('; ')}
            </p>
          ) : null}
          {m.shadow.observed ? (
            <p className="text-xs text-slate-600" data-testid="workflow-shadow">
              Shadow mode: {m.shadow.observed} observed, autopilot would have run {m.shadow.wouldAutoApprove}. Reviewers
              decided the equivalent drafts: {m.shadow.approvedUnedited} approved unedited, {m.shadow.approvedEdited}{' '}
              edited, {m.shadow.rejected} rejected, {m.shadow.expired} expired; {m.shadow.noEquivalent} had none.
            </p>
          ) : null}
          <ul className="text-xs" aria-label="Promotion criteria">
            {m.promotion.checks.map((c) => (
              <li key={c.key} className={c.ok ? 'text-green-700' : 'text-slate-500'}>
                {c.ok ? '✓' : '✗'} {c.label} — now {c.actual}
              </li>
            ))}
          </ul>
          {wf.scope.status !== 'scoped' ? (
            <p className="text-xs text-amber-700">
              This agent has no row in the agent scope table: it may only draft for approval.
            </p>
          ) : null}
          {pending ? (
            <p className="text-xs text-amber-800" data-testid="workflow-override">
              Override requested {formatDate(pending.createdAt)}: “{pending.reason}” — waiting for a second admin.
            </p>
          ) : null}
          {canEdit ? (
            <div className="flex flex-wrap gap-2 pt-1">
              {wf.phase === 'assist' && m.promotion.eligible ? (
                <Button onClick={() => setPhase.mutate({ id: wf.id, phase: 'autopilot' })}>Promote to autopilot</Button>
              ) : null}
              {wf.phase === 'autopilot' ? (
                <Button variant="danger" onClick={() => setPhase.mutate({ id: wf.id, phase: 'assist' })}>
                  Back to assist
                </Button>
              ) : null}
              {wf.phase === 'observe' ? (
                <Button variant="secondary" onClick={() => setPhase.mutate({ id: wf.id, phase: 'assist' })}>
                  Start drafting (assist)
                </Button>
              ) : null}
              {wf.phase === 'assist' && !m.promotion.eligible && !pending ? (
                <Button variant="secondary" onClick={() => setAsking(!asking)}>
                  Request override…
                </Button>
              ) : null}
              {pending && pending.requestedById !== userId ? (
                <>
                  <Button onClick={() => decideOverride.mutate({ requestId: pending.id, decision: 'approved' })}>
                    Approve override
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => decideOverride.mutate({ requestId: pending.id, decision: 'rejected' })}
                  >
                    Reject override
                  </Button>
                </>
              ) : null}
            </div>
          ) : null}
          {asking ? (
            <form
              className="space-y-2"
              onSubmit={(e) => {
                e.preventDefault();
                requestOverride.mutate({ id: wf.id, reason }, { onSuccess: () => setAsking(false) });
              }}
            >
              <label className="block text-xs text-slate-700">
                Why should this workflow run on autopilot before meeting the criteria? A second admin reads this.
                <textarea
                  className="mt-1 w-full rounded border border-slate-300 p-2 text-sm"
                  value={reason}
                  minLength={20}
                  required
                  onChange={(e) => setReason(e.target.value)}
                />
              </label>
              <Button type="submit" disabled={requestOverride.isPending}>
                Send for a second admin
              </Button>
            </form>
          ) : null}
          {error ? <p className="text-xs text-red-700">{error.message}</p> : null}
        </div>
        <WorkflowChart workflow={wf} />
      </div>
    </Card>
  );
}
