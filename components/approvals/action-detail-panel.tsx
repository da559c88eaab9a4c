'use client';
import { formatMoney } from '@/lib/money';
import type { ActionDetail } from '@/lib/schemas/actions';
import { formatDateTime } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { JsonView } from '@/components/ui/json-view';
import { useAgentName } from '@/components/agents/agent-names';
import { KIND_LABELS, STATUS_TONES } from './action-labels';
import { RevisionHistory } from './revision-history';
import { ScheduledChange } from './scheduled-change';
import { ACTION_KINDS } from '@/lib/schemas/action-kinds';
import { EmailDeliveryCard } from '@/components/email/email-delivery-card';
import { EmailPreview } from '@/components/email/email-preview';
import { findPlanComparison } from '@/lib/schemas/plan-comparison';
import { PlanComparison } from './plan-comparison';

interface Props {
  action: ActionDetail;
  onApprove: () => void;
  onReject: () => void;
  onEdit: () => void;
  busy: boolean;
}

export function ActionDetailPanel({ action: a, onApprove, onReject, onEdit, busy }: Props) {
  const agentName = useAgentName();
  const approvalsOnCurrent = a.approvals.filter(
    (x) => x.revision === a.currentRevision && x.decision === 'approved',
  ).length;
  const scheduledFor = (a.result as { scheduledFor?: unknown } | null)?.scheduledFor;
  const comparison = findPlanComparison(a.agentRun?.outputs);
  return (
    <article
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="action-detail"
      data-action-id={a.id}
      aria-label="Action details"
    >
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="blue">{KIND_LABELS[a.kind]}</Badge>
          <Badge tone={STATUS_TONES[a.status]}>{a.status.replace('_', ' ')}</Badge>
          {a.autoApproved ? <Badge tone="green">autopilot</Badge> : null}
          <span className="text-xs text-slate-500">revision {a.currentRevision}</span>
        </div>
        <h2 className="text-lg font-semibold text-slate-900" data-testid="action-headline">
          {a.description.headline}
        </h2>
        {a.description.before || a.description.after ? (
          <div className="grid grid-cols-2 gap-2 text-sm">
            <div className="rounded-md bg-slate-50 p-2">
              <div className="text-xs uppercase text-slate-500">Before</div>
              {a.description.before ?? '—'}
            </div>
            <div className="rounded-md bg-emerald-50 p-2">
              <div className="text-xs uppercase text-emerald-700">After</div>
              {a.description.after ?? '—'}
            </div>
          </div>
        ) : null}
        <p className="text-xs text-slate-500">
          {a.customer ? `${a.customer.name} · ` : ''}
          {a.amountMinor !== null ? `${formatMoney(a.amountMinor, a.currency ?? 'usd')} at stake · ` : ''}
          {a.reviewDeadline && a.status === 'pending_approval'
            ? `review by ${formatDateTime(a.reviewDeadline)} · `
            : ''}
          {a.policy.dualApproval
            ? `needs two approvers (${approvalsOnCurrent} of 2 so far)`
            : `approvers: ${a.policy.approverRoles.join(', ')}`}
        </p>
      </header>

      {a.status === 'pending_approval' ? (
        <div className="flex gap-2">
          <Button onClick={onApprove} disabled={!a.policy.canDecide || busy}>
            Approve <kbd className="text-xs opacity-70">a</kbd>
          </Button>
          <Button variant="secondary" onClick={onEdit} disabled={!a.policy.canEdit || busy}>
            Edit <kbd className="text-xs opacity-70">e</kbd>
          </Button>
          <Button variant="danger" onClick={onReject} disabled={!a.policy.canDecide || busy}>
            Reject <kbd className="text-xs opacity-70">r</kbd>
          </Button>
        </div>
      ) : null}
      {a.status === 'pending_approval' && !a.policy.canDecide ? (
        <p className="text-xs text-amber-700" data-testid="cannot-decide">
          You can read this action but not decide it (your role; you drafted or edited it, so someone else approves it;
          or your approval is already in).
        </p>
      ) : null}
      {a.status === 'scheduled' && typeof scheduledFor === 'string' ? (
        <ScheduledChange id={a.id} scheduledFor={scheduledFor} />
      ) : null}
      {a.error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{a.error}</p> : null}
      {a.result ? (
        <section>
          <h3 className="mb-1 text-sm font-semibold">Result</h3>
          <JsonView value={a.result} />
        </section>
      ) : null}
      {a.status === 'executed' ? <EmailDeliveryCard filter={{ actionId: a.id }} title="Delivery" /> : null}
      {ACTION_KINDS[a.kind].editor === 'email' ? (
        <EmailPreview
          payload={a.revisions.at(-1)!.payload as Record<string, unknown>}
          customerId={a.customer?.id ?? null}
        />
      ) : null}

      {comparison ? <PlanComparison evidence={comparison} /> : null}
      {a.agentRun ? (
        <section className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">Why {agentName(a.agentRun.agentId)} proposed this</h3>
          <p className="text-sm text-slate-700" data-testid="agent-reasoning">
            {a.agentRun.reasoning}
          </p>
          <p className="text-xs text-slate-500">
            {a.agentRun.agentId} v{a.agentRun.agentVersion} · model {a.agentRun.modelProvider ?? 'none'}
            {a.agentRun.modelId ? `/${a.agentRun.modelId}` : ''} · {formatDateTime(a.agentRun.startedAt)}
            {a.agentRun.sourceRef ? ` · source ${a.agentRun.sourceRef}` : ''}
          </p>
          <details>
            <summary className="cursor-pointer text-xs font-medium text-slate-600">Evidence the agent saw</summary>
            <JsonView value={{ trigger: a.agentRun.trigger, inputs: a.agentRun.inputs }} className="mt-2" />
          </details>
        </section>
      ) : null}

      <RevisionHistory action={a} />
    </article>
  );
}
