import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { ProviderError, type BillingProvider, type ExecutionResult } from '@/lib/server/billing/billing-provider';
import { toProviderError } from '@/lib/server/billing/stripe/stripe-errors';
import { enqueueOutboxMessage } from '@/lib/server/outbox/enqueue-outbox-message';
import type { ClaimedAction } from './claim-next-action';
import { faultPoint } from './fault-point';
import { loadExecutionContext } from './load-execution-context';
import { outboundMessageFor } from './outbound-message-for';
import { recordExecutionOutcome } from './record-execution-outcome';
import { clock } from '@/lib/clock';

const OUTBOUND_KINDS = new Set(['email', 'crm_task', 'slack_post']);

// Runs one claimed action from its stored parameters. Billing effects go through the provider
// with the action's idempotency key; messages are queued in the outbox in the same transaction
// that marks the action executed. Retryable failures back off and keep the same key; when
// retries run out an ambiguous failure becomes `unknown` (settled later by reading the platform).
export async function executeClaimedAction(claim: ClaimedAction, provider: BillingProvider): Promise<string> {
  try {
    const ctx = await loadExecutionContext(claim);
    faultPoint('before_provider_call');
    const p = ctx.payload as Record<string, unknown>;
    if (OUTBOUND_KINDS.has(claim.kind) || (claim.kind === 'dunning_step' && p.step === 'send_update_card_email')) {
      const msg = outboundMessageFor(claim.kind, p, { customerEmail: ctx.customerEmail });
      return await queueMessage(claim, msg);
    }
    let result: ExecutionResult;
    if (claim.kind === 'credit')
      result = await provider.issueCredit(ctx.target, ctx.payload as never, ctx.invoice?.invoice ?? null);
    else if (claim.kind === 'plan_change')
      result = await provider.changePlan(ctx.target, ctx.payload as never, ctx.plan!);
    else result = await provider.runDunningStep(ctx.target, ctx.payload as never, ctx.invoice!);
    faultPoint('after_provider_call');
    await recordExecutionOutcome(claim.id, { status: 'executed', result });
    faultPoint('after_record');
    return 'executed';
  } catch (err) {
    const e = err instanceof ProviderError ? err : toProviderError(err);
    const { ACTION_MAX_ATTEMPTS: max, ACTION_RETRY_BASE_SECONDS: base } = getEnv();
    if (e.retryable && claim.attempts < max) {
      const retryAt = new Date(clock.nowMs() + base * 2 ** (claim.attempts - 1) * 1000);
      await recordExecutionOutcome(claim.id, { status: 'retry', error: e.message, code: e.code, retryAt });
      return 'retry';
    }
    const status = e.ambiguous ? 'unknown' : 'failed';
    await recordExecutionOutcome(claim.id, { status, error: e.message, code: e.code });
    return status;
  }
}

async function queueMessage(claim: ClaimedAction, msg: ReturnType<typeof outboundMessageFor>): Promise<string> {
  await getDb().$transaction(async (tx) => {
    await enqueueOutboxMessage(tx, { ...msg, actionId: claim.id, idempotencyKey: claim.executionKey });
    const changed = await tx.action.updateMany({
      where: { id: claim.id, status: 'executing' },
      data: {
        status: 'executed',
        executedAt: clock.now(),
        nextAttemptAt: null,
        result: { provider: 'outbox', channel: msg.channel, destination: msg.destination },
      },
    });
    if (changed.count) {
      await appendAuditEvent(tx, {
        actor: { type: 'system', id: 'executor' },
        action: 'action.executed',
        target: { type: 'action', id: claim.id },
        customerId: claim.customerId,
        data: { executionKey: claim.executionKey, outbox: msg.channel },
      });
    }
  });
  return 'executed';
}
