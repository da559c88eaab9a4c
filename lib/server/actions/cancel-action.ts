import { getDb } from '@/lib/db';
import { ApiError, conflict } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { getPolicy } from '@/lib/server/actions/policies/get-policy';
import { ProviderError, type BillingProvider } from '@/lib/server/billing/billing-provider';
import { getBillingProvider } from '@/lib/server/billing/get-billing-provider';
import { releaseStripeSchedule } from '@/lib/server/billing/stripe/release-stripe-schedule';
import { lockAction } from './lock-action';

async function withdrawScheduledChange(
  action: { id: string; executionKey: string | null; result: unknown },
  provider: BillingProvider,
) {
  const result = (action.result ?? {}) as { provider?: string; data?: { scheduleId?: string } };
  if (result.provider !== 'stripe') return; // the ledger applies nothing before the period end
  const scheduleId = result.data?.scheduleId;
  if (!scheduleId) throw conflict('schedule_unknown', 'The scheduled change names no Stripe schedule');
  if (provider.name !== 'stripe')
    throw new ApiError(
      503,
      'billing_platform_unavailable',
      'Stripe is not configured: the schedule cannot be released',
    );
  try {
    await releaseStripeSchedule(provider.stripe, scheduleId, `${action.executionKey ?? action.id}:release`);
  } catch (err) {
    if (err instanceof ProviderError)
      throw new ApiError(502, 'billing_platform_error', `Stripe did not release the schedule: ${err.message}`);
    throw err;
  }
}

// Withdraws a pending action (e.g. the situation resolved itself) without judging it, or a
// scheduled plan change before its period end (the platform's schedule is released first; the
// row lock keeps a confirming webhook from interleaving).
export async function cancelAction(
  actor: SessionUser,
  id: string,
  reason: string | undefined,
  requestId: string,
  provider?: BillingProvider,
) {
  return getDb().$transaction(async (tx) => {
    const action = await lockAction(tx, id);
    const policy = await getPolicy(tx, action.kind);
    if (!policy.approverRoles.includes(actor.role))
      throw new ApiError(
        403,
        'not_an_approver',
        `Only ${policy.approverRoles.join(' or ')} may cancel ${action.kind} actions`,
      );
    if (action.status === 'scheduled') await withdrawScheduledChange(action, provider ?? (await getBillingProvider()));
    else if (action.status !== 'pending_approval' && action.status !== 'proposed')
      throw conflict('not_pending', `The action is already ${action.status}`);
    await tx.action.update({ where: { id }, data: { status: 'cancelled' } });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'action.cancelled',
      target: { type: 'action', id },
      customerId: action.customerId,
      requestId,
      data: { reason: reason ?? null, ...(action.status === 'scheduled' ? { withdrew: 'scheduled_change' } : {}) },
    });
    return { id, status: 'cancelled' };
  });
}
