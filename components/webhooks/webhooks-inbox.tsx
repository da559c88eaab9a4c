'use client';
import { useState } from 'react';
import { useReplayWebhookEvent, useWebhookEvents } from '@/lib/queries/use-webhooks';
import { formatDateTime } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input, Select } from '@/components/ui/input';
import { Pagination } from '@/components/ui/pagination';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { BulkReplayDialog } from './bulk-replay-dialog';
import { WebhookPayloadDialog } from './webhook-payload-dialog';
import { WebhookStatusBadge } from './webhook-status-badge';

const PAGE = 50;
const STATUSES = ['received', 'processing', 'processed', 'ignored', 'failed', 'dead'] as const;

export interface WebhookSourceProblem {
  source: string;
  label: string;
  problem: string;
}

// The webhook inbox: what arrived, where processing stands, why it failed, when it is retried.
// Admins may replay an event or every failed / dead event matching the filter (audited); everyone
// allowed here may read payloads. A source that cannot verify deliveries is named above it all.
export function WebhooksInbox({ canReplay, problems }: { canReplay: boolean; problems: WebhookSourceProblem[] }) {
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const [offset, setOffset] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, isLoading, error } = useWebhookEvents({
    status: status || undefined,
    type: type.trim() || undefined,
    limit: PAGE,
    offset,
  });
  const replay = useReplayWebhookEvent();
  return (
    <div className="flex flex-col gap-4">
      {problems.map((p) => (
        <p
          key={p.source}
          role="status"
          data-testid="webhook-source-problem"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {p.problem}
        </p>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label="Status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setOffset(0);
          }}
        >
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
        <Input
          aria-label="Event type"
          placeholder="Type, e.g. invoice."
          value={type}
          onChange={(e) => {
            setType(e.target.value);
            setOffset(0);
          }}
          className="w-64"
        />
        {data ? <span className="ml-auto text-sm text-slate-500">{data.total} events</span> : null}
        {canReplay ? <BulkReplayDialog status={status} type={type} /> : null}
      </div>
      {replay.error ? (
        <p className="text-sm text-red-700" data-testid="replay-error">
          {replay.error.message}
        </p>
      ) : null}
      <QueryState isLoading={isLoading} error={error}>
        {data && data.items.length === 0 ? (
          <EmptyState title="No webhook events">
            Events appear here as they arrive at /api/webhooks/&lt;source&gt; (Stripe: /api/webhooks/stripe).
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>Type</Th>
                <Th>Status</Th>
                <Th className="text-right">Attempts</Th>
                <Th>Received</Th>
                <Th>Processed</Th>
                <Th>Last error / note</Th>
                <Th />
              </tr>
            </THead>
            <TBody>
              {data?.items.map((e) => (
                <Tr key={e.id} data-testid="webhook-row" data-event-id={e.eventId}>
                  <Td>
                    <div className="font-mono text-xs">{e.type}</div>
                    <div className="font-mono text-[11px] text-slate-500">{e.eventId}</div>
                  </Td>
                  <Td>
                    <WebhookStatusBadge status={e.status} />
                  </Td>
                  <Td className="text-right tabular-nums">{e.attempts}</Td>
                  <Td className="whitespace-nowrap text-xs">{formatDateTime(e.receivedAt)}</Td>
                  <Td className="whitespace-nowrap text-xs text-slate-500">
                    {e.processedAt ? formatDateTime(e.processedAt) : '—'}
                    {e.status === 'failed' && e.nextAttemptAt ? (
                      <div className="text-[11px]">retry {formatDateTime(e.nextAttemptAt)}</div>
                    ) : null}
                  </Td>
                  <Td className="max-w-sm truncate text-xs text-slate-600" title={e.lastError ?? undefined}>
                    {e.lastError ?? ''}
                  </Td>
                  <Td className="whitespace-nowrap text-right">
                    <div className="flex justify-end gap-2">
                      <Button variant="secondary" onClick={() => setOpenId(e.id)}>
                        Payload
                      </Button>
                      {canReplay ? (
                        <Button
                          variant="secondary"
                          disabled={e.status === 'processing' || (replay.isPending && replay.variables === e.id)}
                          onClick={() => replay.mutate(e.id)}
                        >
                          Replay
                        </Button>
                      ) : null}
                    </div>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryState>
      {data ? <Pagination offset={offset} pageSize={PAGE} total={data.total} onChange={setOffset} /> : null}
      <WebhookPayloadDialog id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
