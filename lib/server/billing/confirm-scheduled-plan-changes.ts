import type { Tx } from '@/lib/db';
import { parseActionPayload, type ActionPayload } from '@/lib/schemas/action-kinds';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';

export interface ScheduledPlanChange {
  id: string;
  customerId: string | null;
  executionKey: string | null;
  result: Record<string, unknown>;
  payload: ActionPayload<'plan_change'>;
}

/** Plan changes waiting for their period end, locked for the caller's transaction. */
export async function loadScheduledPlanChanges(
  tx: Tx,
  where: { subscriptionId?: string; actionId?: string },
): Promise<ScheduledPlanChange[]> {
  // Only the rows asked for are locked (the subscription's, read from the current revision), so a
  // webhook for one subscription never waits on another's scheduled change.
  const ids = await tx.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM actions a
      JOIN action_revisions r ON r.action_id = a.id AND r.revision = a.current_revision
     WHERE a.kind = 'plan_change' AND a.status = 'scheduled'
       AND (${where.actionId ?? null}::text IS NULL OR a.id = ${where.actionId ?? null})
       AND (${where.subscriptionId ?? null}::text IS NULL OR r.payload ->> 'subscriptionId' = ${where.subscriptionId ?? null})
     ORDER BY a.created_at FOR UPDATE OF a`;
  const actions = await tx.action.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: { id: true, customerId: true, executionKey: true, result: true, currentRevision: true, revisions: true },
  });
  return actions.map((a) => ({
    id: a.id,
    customerId: a.customerId,
    executionKey: a.executionKey,
    result: (a.result ?? {}) as Record<string, unknown>,
    payload: parseActionPayload('plan_change', a.revisions.find((r) => r.revision === a.currentRevision)?.payload),
  }));
}

/** A scheduled change took effect: executed now, audited. */
export async function markScheduledExecuted(tx: Tx, action: ScheduledPlanChange, confirmedBy: string, now: Date) {
  const changed = await tx.action.updateMany({
    where: { id: action.id, status: 'scheduled' },
    data: {
      status: 'executed',
      executedAt: now,
      result: { ...action.result, confirmedBy, startedAt: now.toISOString() },
    },
  });
  if (!changed.count) return false;
  await appendAuditEvent(tx, {
    actor: { type: 'system', id: 'executor' },
    action: 'action.executed',
    target: { type: 'action', id: action.id },
    customerId: action.customerId,
    data: { executionKey: action.executionKey, confirmedBy, scheduledFor: action.result.scheduledFor ?? null },
  });
  return true;
}

// The billing platform says the subscription is now on a plan: the scheduled changes to that
// plan have taken effect. Called in the transaction that applies the subscription webhook, so the
// action and the subscription move together.
export async function confirmScheduledPlanChanges(tx: Tx, subscriptionId: string, now: Date): Promise<number> {
  const sub = await tx.subscription.findUnique({
    where: { id: subscriptionId },
    select: { plan: { select: { key: true } } },
  });
  if (!sub) return 0;
  let confirmed = 0;
  for (const action of await loadScheduledPlanChanges(tx, { subscriptionId }))
    if (action.payload.toPlanKey === sub.plan.key && (await markScheduledExecuted(tx, action, 'platform_webhook', now)))
      confirmed++;
  return confirmed;
}
