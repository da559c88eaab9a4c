'use client';
import { useState } from 'react';
import { useResolveIncident } from '@/lib/queries/use-incidents';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';

// datetime-local has no zone: the value is read as the browser's local time.
const localNow = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function ResolveIncidentDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const resolve = useResolveIncident(incidentId);
  const [at, setAt] = useState(localNow);
  const [note, setNote] = useState('');
  const when = new Date(at);
  const valid = at !== '' && !Number.isNaN(when.getTime());
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Resolve incident"
      description="The SLA agent then validates the impacted cohort from usage and drafts the credits."
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) resolve.mutate({ resolvedAt: when.toISOString(), note }, { onSuccess: onClose });
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Resolved at
          <Input type="datetime-local" value={at} aria-invalid={!valid} onChange={(e) => setAt(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Note
          <Input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        {resolve.error ? <p className="text-sm text-red-700">{resolve.error.message}</p> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!valid || resolve.isPending}>
            Resolve
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
