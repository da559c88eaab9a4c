'use client';
import { useMemo, useState } from 'react';
import { useAction, useActionList, useBulkApprove, useEditAction } from '@/lib/queries/use-actions';
import type { ActionDetail } from '@/lib/schemas/actions';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { useToast } from '@/components/ui/toast';
import { ActionDetailPanel } from './action-detail-panel';
import { rememberApproved } from './approved-here';
import { ConfirmApprovalDialog, needsConfirmation } from './confirm-approval-dialog';
import { EditActionDialog } from './edit-action-dialog';
import { QueueFilters } from './queue-filters';
import { QueueList } from './queue-list';
import { RejectDialog } from './reject-dialog';
import { useQueueDecisions } from './use-queue-decisions';
import { useQueueKeyboard } from './use-queue-keyboard';
import { useQueueUrl } from './use-queue-url';

const EMPTY_TITLES: Record<string, string> = {
  open: 'Nothing waiting for approval',
  done: 'No decided actions yet',
  failed: 'No failed executions',
};

export function ApprovalQueue({ canDecide }: { canDecide: boolean }) {
  // Filters and the selected action live in the URL (`/approvals/<id>?kind=…`): reload, Back and a
  // shared link all land on the same place. The selected action is fetched by id, so a deep link
  // to an action outside the current filter (executed, rejected…) shows it all the same.
  const { filters, selectedId, select, setFilters } = useQueueUrl();
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'reject' | 'edit' | 'confirm' | null>(null);
  const toast = useToast();
  const list = useActionList(filters);
  const edit = useEditAction();
  const bulk = useBulkApprove();
  const decisions = useQueueDecisions({ onUndone: (id) => select(id) });

  // A decision waiting out its undo window leaves the list at once; Undo brings it back.
  const items = useMemo(
    () => (list.data?.items ?? []).filter((a) => !decisions.waiting.has(a.id)),
    [list.data, decisions.waiting],
  );
  const linked = selectedId && !items.some((a) => a.id === selectedId) && !list.isLoading ? selectedId : null;
  const current = items.find((a) => a.id === selectedId) ?? (linked ? null : items[0]) ?? null;
  const detail = useAction(linked ?? current?.id ?? null);

  const report = (text: string, tone: 'error' | 'ok' = 'error') => toast.show({ tone, text });
  const move = (delta: number) => {
    if (!items.length) return;
    const i = Math.max(
      0,
      items.findIndex((a) => a.id === current?.id),
    );
    select(items[Math.min(items.length - 1, Math.max(0, i + delta))]!.id);
  };
  // After a decision the selection moves on to the next action (or the previous one at the end).
  const selectNextAfter = (id: string) => {
    const i = items.findIndex((a) => a.id === id);
    select((items[i + 1] ?? items[i - 1])?.id ?? null);
  };
  // A shortcut pressed without the role or ability says why instead of doing nothing.
  // Returns true when the key was refused (and the reason is shown).
  const whyNot = (need: 'decide' | 'edit', verb: string): boolean => {
    const d = detail.data;
    if (!d) return true;
    if (need === 'decide' && !canDecide) {
      report(`You cannot ${verb} actions: your role does not include deciding on actions.`);
      return true;
    }
    const allowed = need === 'decide' ? d.policy.canDecide : d.policy.canEdit;
    if (!allowed) {
      report(
        d.status !== 'pending_approval'
          ? `Cannot ${verb} “${d.title}”: it is ${d.status.replace('_', ' ')}, not waiting for approval.`
          : `You cannot ${verb} “${d.title}”: your role or this action's policy does not allow it.`,
      );
      return true;
    }
    return false;
  };
  const decide = (d: ActionDetail, decision: Parameters<typeof decisions.decide>[1], now = false) => {
    selectNextAfter(d.id);
    decisions.decide(d, decision, { now });
  };
  const openEdit = () => {
    edit.reset();
    setDialog('edit');
  };
  const doApprove = () => {
    const d = detail.data;
    if (!d?.policy.canDecide) return;
    if (needsConfirmation(d)) setDialog('confirm');
    else decide(d, { kind: 'approve' });
  };
  const keys = useMemo(
    () => ({
      j: () => move(1),
      k: () => move(-1),
      a: () => (whyNot('decide', 'approve') ? undefined : doApprove()),
      r: () => (whyNot('decide', 'reject') ? undefined : setDialog('reject')),
      e: () => (whyNot('edit', 'edit') ? undefined : openEdit()),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebinding on every render is fine; these read current state
    [items, current, detail.data],
  );
  useQueueKeyboard(keys);

  const toggle = (id: string) =>
    setChecked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const bulkApprove = () => {
    const chosen = items.filter((a) => checked.has(a.id)).map((a) => ({ id: a.id, revision: a.currentRevision }));
    rememberApproved(chosen.map((c) => c.id));
    bulk.mutate(chosen, {
      onSuccess: ({ results }) => {
        const failed = results.filter((r) => 'error' in r);
        report(
          failed.length
            ? `${results.length - failed.length} approved, ${failed.length} refused: ${failed.map((f) => ('error' in f ? f.error.message : '')).join('; ')}`
            : `${results.length} approved; you will be told here if an execution fails`,
          failed.length ? 'error' : 'ok',
        );
        setChecked(new Set());
      },
      onError: (e) => report(e.message),
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <QueueFilters
        filters={filters}
        counts={list.data?.counts ?? null}
        customers={list.data?.items.flatMap((a) => (a.customer ? [a.customer] : [])) ?? []}
        onChange={(f, opts) => setFilters(f, opts)}
      />
      {checked.size > 0 && canDecide ? (
        <div className="flex items-center gap-3 rounded-md bg-brand-50 px-3 py-2 text-sm">
          {checked.size} low-risk action(s) selected
          <Button onClick={bulkApprove} disabled={bulk.isPending}>
            Approve selected
          </Button>
        </div>
      ) : null}
      <QueryState isLoading={list.isLoading} error={list.error}>
        {items.length === 0 && !linked ? (
          <EmptyState title={EMPTY_TITLES[filters.status ?? 'open'] ?? 'No actions match these filters'}>
            When an agent drafts an action — a credit, a plan change, a dunning step — it waits here for a person to
            approve, edit or reject it.
          </EmptyState>
        ) : (
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <QueueList
              items={items}
              selectedId={current?.id ?? null}
              checked={checked}
              onSelect={select}
              onToggle={toggle}
            />
            {/* The detail stays in view while the list scrolls on its own (sticky on wide screens;
                below lg the list is a short scroll area, so the detail sits right under it). */}
            <div
              className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
              data-testid="detail-pane"
            >
              <QueryState isLoading={detail.isLoading} error={detail.error}>
                {detail.data ? (
                  <ActionDetailPanel
                    action={detail.data}
                    busy={decisions.busy || decisions.waiting.has(detail.data.id)}
                    onApprove={doApprove}
                    onReject={() => setDialog('reject')}
                    onEdit={openEdit}
                  />
                ) : null}
              </QueryState>
            </div>
          </div>
        )}
      </QueryState>
      {detail.data ? (
        <>
          <RejectDialog
            open={dialog === 'reject'}
            onOpenChange={(o) => setDialog(o ? 'reject' : null)}
            onReject={(reason) => {
              setDialog(null);
              decide(detail.data!, { kind: 'reject', reason });
            }}
          />
          {dialog === 'confirm' ? (
            <ConfirmApprovalDialog
              action={detail.data}
              onCancel={() => setDialog(null)}
              onConfirm={() => {
                setDialog(null);
                decide(detail.data!, { kind: 'approve' }, true);
              }}
            />
          ) : null}
          {dialog === 'edit' ? (
            <EditActionDialog
              key={`${detail.data.id}-${detail.data.currentRevision}`}
              action={detail.data}
              open
              onOpenChange={(o) => setDialog(o ? 'edit' : null)}
              error={edit.error}
              saving={edit.isPending}
              onSave={(payload, note) => {
                const d = detail.data!;
                if (edit.isPending) return;
                edit.mutate(
                  { id: d.id, expectedRevision: d.currentRevision, payload, note: note || undefined },
                  {
                    onSuccess: (r) => {
                      setDialog(null);
                      report(`Saved revision ${r.revision}`, 'ok');
                    },
                  },
                );
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
