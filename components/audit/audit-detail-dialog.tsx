'use client';
import Link from 'next/link';
import { useAuditEvent } from '@/lib/queries/use-audit';
import { formatDateTime } from '@/lib/format';
import { Dialog } from '@/components/ui/dialog';
import { JsonView } from '@/components/ui/json-view';
import { QueryState } from '@/components/ui/query-state';

export function AuditDetailDialog({ sequence, onClose }: { sequence: string; onClose: () => void }) {
  const { data: e, isLoading, error } = useAuditEvent(sequence);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Audit event #${sequence}`}>
      <QueryState isLoading={isLoading} error={error}>
        {e ? (
          <div className="flex max-h-[70vh] flex-col gap-3 overflow-y-auto text-sm" data-testid="audit-detail">
            <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-xs">
              <dt className="text-slate-500">When</dt>
              <dd>{formatDateTime(e.occurredAt)}</dd>
              <dt className="text-slate-500">Actor</dt>
              <dd>
                {e.actorName ?? e.actorId}
                {e.agentVersion ? ` v${e.agentVersion}` : ''}
                <span className="text-slate-500">
                  {' '}
                  · {e.actorType} {e.actorId}
                </span>
              </dd>
              <dt className="text-slate-500">Action</dt>
              <dd className="font-mono">{e.action}</dd>
              <dt className="text-slate-500">Target</dt>
              <dd>
                {e.targetType} {e.targetId}
              </dd>
              {e.customerId ? (
                <>
                  <dt className="text-slate-500">Customer</dt>
                  <dd>
                    <Link href={`/customers/${encodeURIComponent(e.customerId)}`} className="text-brand-700 underline">
                      {e.customerName ?? e.customerId}
                    </Link>
                  </dd>
                </>
              ) : null}
              {e.requestId ? (
                <>
                  <dt className="text-slate-500">Request</dt>
                  <dd className="font-mono">{e.requestId}</dd>
                </>
              ) : null}
              {e.sourceRef ? (
                <>
                  <dt className="text-slate-500">Source</dt>
                  <dd className="font-mono">{e.sourceRef}</dd>
                </>
              ) : null}
              {e.model ? (
                <>
                  <dt className="text-slate-500">Model</dt>
                  <dd>{e.model}</dd>
                </>
              ) : null}
              <dt className="text-slate-500">Previous hash</dt>
              <dd className="break-all font-mono">{e.prevHash}</dd>
              <dt className="text-slate-500">Hash</dt>
              <dd className="break-all font-mono">{e.hash}</dd>
            </dl>
            {e.reasoning ? <p className="rounded-md bg-slate-50 p-2">{e.reasoning}</p> : null}
            {e.before !== null ? (
              <div>
                <h4 className="mb-1 text-xs font-semibold">Before</h4>
                <JsonView value={e.before} />
              </div>
            ) : null}
            {e.after !== null ? (
              <div>
                <h4 className="mb-1 text-xs font-semibold">After</h4>
                <JsonView value={e.after} />
              </div>
            ) : null}
            {e.data !== null ? (
              <div>
                <h4 className="mb-1 text-xs font-semibold">Data</h4>
                <JsonView value={e.data} />
              </div>
            ) : null}
          </div>
        ) : null}
      </QueryState>
    </Dialog>
  );
}
