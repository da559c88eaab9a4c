'use client';
import { useEffect, useSyncExternalStore } from 'react';
import { useFailedActions } from '@/lib/queries/use-actions';
import { useToast } from '@/components/ui/toast';
import { approvedHere, forgetApproved, subscribeApproved } from './approved-here';

// An approval is not the end of the story: execution happens later, in a worker, and can fail (a
// missing Slack setting, a refused card). Whoever approved an action in this browser hears about
// its failure wherever they are in the console, with a link to the failed-executions inbox.
export function FailedExecutionWatcher() {
  const toast = useToast();
  const watching = useSyncExternalStore(
    subscribeApproved,
    () => approvedHere().length > 0,
    () => false,
  );
  const failed = useFailedActions(watching);
  useEffect(() => {
    const mine = new Set(approvedHere());
    for (const a of failed.data?.items ?? []) {
      if (!mine.has(a.id)) continue;
      forgetApproved(a.id);
      toast.show({
        tone: 'error',
        text: `Execution failed after your approval: ${a.title}`,
        action: {
          label: 'Open',
          onClick: () => window.location.assign(`/approvals/${encodeURIComponent(a.id)}?status=failed`),
        },
      });
    }
  }, [failed.data, toast]);
  return null;
}
