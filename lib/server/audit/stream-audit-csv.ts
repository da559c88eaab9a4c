import type { z } from 'zod';
import { getDb } from '@/lib/db';
import type { auditListQuery } from '@/lib/schemas/audit';
import { auditWhere } from './audit-where';

const COLUMNS = [
  'sequence',
  'occurred_at',
  'actor_type',
  'actor_id',
  'agent_version',
  'action',
  'target_type',
  'target_id',
  'customer_id',
  'request_id',
  'source_ref',
  'model',
  'reasoning',
  'before',
  'after',
  'data',
  'prev_hash',
  'hash',
] as const;

// RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with a quote.
function cell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// The filtered audit trail as CSV, streamed page by page in sequence order so an export of
// millions of rows never sits in memory.
export function streamAuditCsv(query: z.infer<typeof auditListQuery>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const where = { ...auditWhere({ ...query, before: undefined }) };
  let after = 0n;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(',')}\n`));
        return;
      }
      const page = await getDb().auditEvent.findMany({
        where: { ...where, sequence: { gt: after, ...(query.before ? { lt: query.before } : {}) } },
        orderBy: { sequence: 'asc' },
        take: 1000,
      });
      if (!page.length) {
        controller.close();
        return;
      }
      after = page.at(-1)!.sequence;
      const lines = page.map((r) =>
        [
          r.sequence,
          r.occurredAt.toISOString(),
          r.actorType,
          r.actorId,
          r.agentVersion,
          r.action,
          r.targetType,
          r.targetId,
          r.customerId,
          r.requestId,
          r.sourceRef,
          r.model,
          r.reasoning,
          r.before,
          r.after,
          r.data,
          r.prevHash,
          r.hash,
        ]
          .map(cell)
          .join(','),
      );
      controller.enqueue(encoder.encode(`${lines.join('\n')}\n`));
    },
  });
}
