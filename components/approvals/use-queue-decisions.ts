'use client';
import { useApproveAction, useRejectAction } from '@/lib/queries/use-actions';
import type { ActionDetail } from '@/lib/schemas/actions';
import { useToast } from '@/components/ui/toast';
import { rememberApproved } from './approved-here';
import { UNDO_WINDOW_MS, useDeferredDecisions } from './use-deferred-decisions';

type Decision = { kind: 'approve' } | { kind: 'reject'; reason: string };

// Approve and reject from the queue: each waits out the undo window in the browser (a toast with
// Undo), then goes to the server; `now` skips the window (a confirmed large approval). Results and
// refusals arrive as toasts, since the reviewer has moved on to the next action by then.
export function useQueueDecisions({ onUndone }: { onUndone: (id: string) => void }) {
  const toast = useToast();
  const approve = useApproveAction();
  const reject = useRejectAction();
  const { defer, undo, waiting } = useDeferredDecisions();

  const send = (a: ActionDetail, d: Decision) => {
    const base = { id: a.id, revision: a.currentRevision };
    const onError = (e: Error) =>
      toast.show({
        tone: 'error',
        text: `Not ${d.kind === 'approve' ? 'approved' : 'rejected'}: ${a.title}. ${e.message}`,
      });
    if (d.kind === 'reject') {
      reject.mutate(
        { ...base, reason: d.reason },
        { onSuccess: () => toast.show({ tone: 'ok', text: `Rejected: ${a.title}` }), onError },
      );
      return;
    }
    // Remembered before the answer: a failure of its execution later is reported to this tab.
    rememberApproved([a.id]);
    approve.mutate(base, {
      onSuccess: (r) =>
        toast.show({
          tone: 'ok',
          text:
            r.status === 'approved'
              ? `Approved: ${a.title}`
              : `Your approval of “${a.title}” is recorded; a second approver is needed.`,
        }),
      onError,
    });
  };

  const decide = (a: ActionDetail, d: Decision, opts: { now?: boolean } = {}) => {
    if (opts.now) return send(a, d);
    defer({ id: a.id, send: () => send(a, d) });
    const verb = d.kind === 'approve' ? 'Approving' : 'Rejecting';
    toast.show({
      tone: 'info',
      text: `${verb} “${a.title}” in ${UNDO_WINDOW_MS / 1000} s`,
      durationMs: UNDO_WINDOW_MS,
      action: {
        label: 'Undo',
        onClick: () => {
          if (undo(a.id)) {
            onUndone(a.id);
            toast.show({ text: `Undone: “${a.title}” was not ${d.kind === 'approve' ? 'approved' : 'rejected'}` });
          } else {
            toast.show({ tone: 'error', text: `Too late to undo: the decision on “${a.title}” was already sent` });
          }
        },
      },
    });
  };

  return { decide, waiting, busy: approve.isPending || reject.isPending };
}
