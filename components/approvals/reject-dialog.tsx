'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

export function RejectDialog({
  open,
  onOpenChange,
  onReject,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onReject: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Reject this action"
      description="The agent and your colleagues see why. Nothing reaches the billing platform."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onReject(reason.trim());
          setReason('');
        }}
        className="flex flex-col gap-3"
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Reason
          <textarea
            autoFocus
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!reason.trim()}>
            Reject
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
