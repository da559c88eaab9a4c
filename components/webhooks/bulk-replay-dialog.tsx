'use client';
import { useState } from 'react';
import { useBulkReplayWebhookEvents } from '@/lib/queries/use-webhooks';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

type Replayable = 'failed' | 'dead';

// Admins replay every failed / dead event the inbox filter shows — after an outage, or after an
// upgrade that reads events stored as unparseable. Confirmed in a dialog; the server audits it.
export function BulkReplayDialog({ status, type }: { status: string; type: string }) {
  const [open, setOpen] = useState(false);
  const replay = useBulkReplayWebhookEvents();
  const statuses: Replayable[] = status === 'failed' || status === 'dead' ? [status] : ['failed', 'dead'];
  const filterable = status === '' || statuses.length === 1;
  const what = `${statuses.join(' and ')} events${type.trim() ? ` of type ${type.trim()}…` : ''}`;
  return (
    <>
      <Button
        variant="secondary"
        disabled={!filterable}
        title={filterable ? undefined : 'Only failed and dead events can be replayed'}
        onClick={() => {
          replay.reset();
          setOpen(true);
        }}
      >
        Replay matching…
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Replay matching events"
        description={`All ${what} go back to received with a fresh retry schedule (up to 500 per run). Audited.`}
      >
        {replay.data ? (
          <p className="text-sm text-slate-700" data-testid="bulk-replay-result">
            Replayed {replay.data.replayed} event{replay.data.replayed === 1 ? '' : 's'}
            {replay.data.more ? '; more match — run it again' : ''}.
          </p>
        ) : null}
        {replay.error ? <p className="text-sm text-red-700">{replay.error.message}</p> : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Close
          </Button>
          <Button
            disabled={replay.isPending}
            onClick={() => replay.mutate({ statuses, type: type.trim() || undefined })}
          >
            Replay {statuses.join(' and ')} events
          </Button>
        </div>
      </Dialog>
    </>
  );
}
