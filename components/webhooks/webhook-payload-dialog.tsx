'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { useWebhookEvent } from '@/lib/queries/use-webhooks';
import { formatDateTime } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { QueryState } from '@/components/ui/query-state';
import { WebhookStatusBadge } from './webhook-status-badge';

// The stored event exactly as Stripe sent it (pretty-printed), with its inbox state on top.
export function WebhookPayloadDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, isLoading, error } = useWebhookEvent(id);
  return (
    <Dialog.Root open={id !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 flex max-h-[85vh] w-[min(56rem,92vw)] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 rounded-lg bg-white p-5 shadow-xl"
          data-testid="webhook-payload-dialog"
        >
          <div className="flex items-start justify-between gap-4">
            <div>
              <Dialog.Title className="font-mono text-sm font-semibold text-slate-900">
                {data ? data.type : 'Webhook event'}
              </Dialog.Title>
              <Dialog.Description className="mt-1 text-xs text-slate-500">
                {data
                  ? `${data.eventId} · received ${formatDateTime(data.receivedAt)} · API ${data.apiVersion ?? 'unknown'}`
                  : 'Loading the stored payload…'}
              </Dialog.Description>
            </div>
            <Dialog.Close asChild>
              <Button variant="secondary">Close</Button>
            </Dialog.Close>
          </div>
          <QueryState isLoading={isLoading} error={error}>
            {data ? (
              <>
                <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <WebhookStatusBadge status={data.status} />
                  <span>
                    {data.attempts} attempt{data.attempts === 1 ? '' : 's'}
                  </span>
                  {data.lastError ? (
                    <span className="text-red-700" data-testid="webhook-last-error">
                      {data.lastError}
                    </span>
                  ) : null}
                </div>
                <pre
                  className="min-h-0 flex-1 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100"
                  data-testid="webhook-payload"
                >
                  {JSON.stringify(data.payload, null, 2)}
                </pre>
              </>
            ) : null}
          </QueryState>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
