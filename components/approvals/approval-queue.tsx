'use client';
import { useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import {
  useAction,
  useActionList,
  useApproveAction,
  useBulkApprove,
  useEditAction,
  useRejectAction,
  type ActionFilters,
} from '@/lib/queries/use-actions';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { ActionDetailPanel } from './action-detail-panel';
import { EditActionDialog } from './edit-action-dialog';
import { QueueFilters } from './queue-filters';
import { QueueList } from './queue-list';
import { RejectDialog } from './reject-dialog';
import { useQueueKeyboard } from './use-queue-keyboard';

export function ApprovalQueue({ canDecide }: { canDecide: boolean }) {
  const [filters, setFilters] = useState<ActionFilters>({ status: 'open' });
  const [customerId, setCustomerId] = useState('');
  // `?action=<id>` (a deep link, e.g. from search) selects that action even when it is not in
  // the filtered list (executed, rejected…): the detail panel shows it all the same.
  const [selectedId, setSelectedId] = useState<string | null>(useSearchParams().get('action'));
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'reject' | 'edit' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const list = useActionList(filters);
  const approve = useApproveAction();
  const reject = useRejectAction();
  const edit = useEditAction();
  const bulk = useBulkApprove();

  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const items = useMemo(() => (customerId ? all.filter((a) => a.customer?.id === customerId) : all), [all, customerId]);
  const customers = useMemo(
    () => [...new Map(all.filter((a) => a.customer).map((a) => [a.customer!.id, a.customer!])).values()],
    [all],
  );
  const linked = selectedId && !items.some((a) => a.id === selectedId) && !list.isLoading ? selectedId : null;
  const current = items.find((a) => a.id === selectedId) ?? (linked ? null : items[0]) ?? null;
  const detail = useAction(linked ?? current?.id ?? null);

  const report = (text: string, tone: 'error' | 'ok' = 'error') => setNotice({ tone, text });
  const move = (delta: number) => {
    if (!items.length) return;
    const i = Math.max(
      0,
      items.findIndex((a) => a.id === current?.id),
    );
    setSelectedId(items[Math.min(items.length - 1, Math.max(0, i + delta))]!.id);
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
  const doApprove = () => {
    const d = detail.data;
    if (!d?.policy.canDecide) return;
    approve.mutate(
      { id: d.id, revision: d.currentRevision },
      {
        onSuccess: (r) =>
          report(
            r.status === 'approved'
              ? `Approved: ${d.title}`
              : `Your approval is recorded; a second approver is needed.`,
            'ok',
          ),
        onError: (e) => report(e.message),
      },
    );
  };
  const keys = useMemo(
    () => ({
      j: () => move(1),
      k: () => move(-1),
      a: () => (whyNot('decide', 'approve') ? undefined : doApprove()),
      r: () => (whyNot('decide', 'reject') ? undefined : setDialog('reject')),
      e: () => (whyNot('edit', 'edit') ? undefined : setDialog('edit')),
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
    bulk.mutate(chosen, {
      onSuccess: ({ results }) => {
        const failed = results.filter((r) => 'error' in r);
        report(
          failed.length
            ? `${results.length - failed.length} approved, ${failed.length} refused: ${failed.map((f) => ('error' in f ? f.error.message : '')).join('; ')}`
            : `${results.length} approved`,
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
        onChange={(f) => {
          setFilters(f);
          setSelectedId(null);
        }}
        customers={customers}
        customerId={customerId}
        onCustomer={setCustomerId}
      />
      {notice ? (
        <p
          role="status"
          data-testid="queue-notice"
          className={
            notice.tone === 'error'
              ? 'rounded-md bg-red-50 px-3 py-2 text-sm text-red-700'
              : 'rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800'
          }
        >
          {notice.text}
        </p>
      ) : null}
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
          <EmptyState title={filters.status === 'done' ? 'No decided actions yet' : 'Nothing waiting for approval'}>
            When an agent drafts an action — a credit, a plan change, a dunning step — it waits here for a person to
            approve, edit or reject it.
          </EmptyState>
        ) : (
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <QueueList
              items={items}
              selectedId={current?.id ?? null}
              checked={checked}
              onSelect={setSelectedId}
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
                    busy={approve.isPending || reject.isPending}
                    onApprove={doApprove}
                    onReject={() => setDialog('reject')}
                    onEdit={() => setDialog('edit')}
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
              const d = detail.data!;
              setDialog(null);
              reject.mutate(
                { id: d.id, revision: d.currentRevision, reason },
                { onSuccess: () => report(`Rejected: ${d.title}`, 'ok'), onError: (e) => report(e.message) },
              );
            }}
          />
          {dialog === 'edit' ? (
            <EditActionDialog
              key={`${detail.data.id}-${detail.data.currentRevision}`}
              action={detail.data}
              open
              onOpenChange={(o) => setDialog(o ? 'edit' : null)}
              error={edit.error?.message ?? null}
              onSave={(payload, note) => {
                const d = detail.data!;
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
