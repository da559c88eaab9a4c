import { getDb } from '@/lib/db';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { clock } from '@/lib/clock';

// Pending actions whose review window has passed expire: a stale draft must not be approved
// later against a situation that has moved on. Each expiry is audited.
export async function expireActions(now = clock.now()): Promise<number> {
  const db = getDb();
  const due = await db.action.findMany({
    where: { status: 'pending_approval', reviewDeadline: { lt: now } },
    select: { id: true },
    take: 500,
  });
  let expired = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const changed = await tx.action.updateMany({
        where: { id, status: 'pending_approval', reviewDeadline: { lt: now } },
        data: { status: 'expired' },
      });
      if (changed.count === 0) return;
      const a = await tx.action.findUniqueOrThrow({
        where: { id },
        select: { customerId: true, reviewDeadline: true },
      });
      await appendAuditEvent(tx, {
        actor: { type: 'system', id: 'review-window' },
        action: 'action.expired',
        target: { type: 'action', id },
        customerId: a.customerId,
        data: { reviewDeadline: a.reviewDeadline },
      });
      expired += 1;
    });
  }
  return expired;
}
