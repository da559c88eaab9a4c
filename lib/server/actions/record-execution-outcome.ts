import { getDb } from '@/lib/db';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { ExecutionResult } from '@/lib/server/billing/billing-provider';
import { clock } from '@/lib/clock';

type Outcome =
  | { status: 'executed'; result: ExecutionResult }
  | { status: 'failed' | 'unknown'; error: string; code: string }
  | { status: 'retry'; error: string; code: string; retryAt: Date };

// Records how an execution ended, guarded on `executing` so a late, duplicate worker cannot
// overwrite a result. Final outcomes are audited in the same transaction.
export async function recordExecutionOutcome(
  actionId: string,
  outcome: Outcome,
  auditAction = `action.${outcome.status}`,
): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    // An effect the platform accepted for later (a period-end plan change) waits as `scheduled`
    // until the platform confirms it took effect (confirm-scheduled-plan-changes.ts).
    const scheduled = outcome.status === 'executed' && outcome.result.scheduledFor !== undefined;
    const data =
      outcome.status === 'executed'
        ? {
            status: scheduled ? ('scheduled' as const) : ('executed' as const),
            result: outcome.result as object,
            executedAt: scheduled ? null : clock.now(),
            nextAttemptAt: null,
            error: null,
          }
        : outcome.status === 'retry'
          ? { error: `${outcome.code}: ${outcome.error}`, nextAttemptAt: outcome.retryAt }
          : { status: outcome.status, error: `${outcome.code}: ${outcome.error}`, nextAttemptAt: null };
    const changed = await tx.action.updateMany({ where: { id: actionId, status: 'executing' }, data });
    if (changed.count === 0) return false;
    if (outcome.status !== 'retry') {
      const a = await tx.action.findUniqueOrThrow({
        where: { id: actionId },
        select: { customerId: true, executionKey: true, executionAttempts: true },
      });
      await appendAuditEvent(tx, {
        actor: { type: 'system', id: 'executor' },
        action: scheduled ? 'action.scheduled' : auditAction,
        target: { type: 'action', id: actionId },
        customerId: a.customerId,
        data: {
          executionKey: a.executionKey,
          attempts: a.executionAttempts,
          ...(outcome.status === 'executed'
            ? { result: outcome.result }
            : { error: outcome.error, code: outcome.code }),
        },
      });
    }
    return true;
  });
}
