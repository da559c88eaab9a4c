'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { useCancelAction } from '@/lib/queries/use-actions';

// A plan change accepted by the billing platform for the period end: when it takes effect, and a
// way to withdraw it until then (the platform's schedule is released; the subscription stays).
// The server checks the policy's approver roles; a refusal is shown under the button.
export function ScheduledChange({ id, scheduledFor }: { id: string; scheduledFor: string }) {
  const cancel = useCancelAction();
  const [confirming, setConfirming] = useState(false);
  return (
    <section
      className="flex flex-col gap-2 rounded-md bg-sky-50 p-3 text-sm text-sky-900"
      data-testid="scheduled-change"
    >
      <p>
        Scheduled for <strong>{formatDateTime(scheduledFor)}</strong>. Nothing changes until then; the action becomes
        executed when the billing platform confirms the change started.
      </p>
      {confirming ? (
        <div className="flex gap-2">
          <Button
            variant="danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ id, reason: 'Withdrawn before the period end' })}
          >
            {cancel.isPending ? 'Withdrawing…' : 'Yes, withdraw it'}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Withdraw scheduled change
        </Button>
      )}
      {cancel.error ? <p className="text-red-700">{cancel.error.message}</p> : null}
    </section>
  );
}
