import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { ProviderError, type BillingProvider } from '@/lib/server/billing/billing-provider';
import { toProviderError } from '@/lib/server/billing/stripe/stripe-errors';
import { enqueueOutboxMessage } from '@/lib/server/outbox/enqueue-outbox-message';
import { applyBillingEffect, findBillingEffect } from './billing-effect';
import type { ClaimedAction } from './claim-next-action';
import { faultPoint } from './fault-point';
import type { OutboxMessage } from './kinds';
import { loadExecutionContext, type ExecutionContext } from './load-execution-context';
import { recordExecutionOutcome } from './record-execution-outcome';
import { clock } from '@/lib/clock';
import { runWithOutboundLog } from '@/lib/server/billing/stripe/outbound-call-log';

// Stripe keeps an idempotency key for about 24 hours. A re-send (retry or lease reclaim) whose
// first attempt is older than this may reach a Stripe that has forgotten the key and would apply
// the effect a second time, so it first reads the platform for the effect.
export const KEY_TRUST_MS = 23 * 3_600_000;

// Runs one claimed action from its stored parameters. Billing effects go through the provider
// with the action's idempotency key; messages are queued in the outbox in the same transaction
// that marks the action executed. Retryable failures back off and keep the same key; when
// retries run out an ambiguous failure becomes `unknown` (settled later by reading the platform).
export async function executeClaimedAction(claim: ClaimedAction, provider: BillingProvider): Promise<string> {
  try {
    const ctx = await loadExecutionContext(claim);
    faultPoint('before_provider_call');
    if (ctx.outbound) return await queueMessage(claim, ctx.outbound);
    // The agent's scope and credential apply, and every platform call is stored with the action.
    const result = await runWithOutboundLog(
      claim.id,
      async () => (await alreadyApplied(claim, provider, ctx)) ?? (await applyBillingEffect(provider, ctx)),
    );
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

// Look before re-sending once the platform may have forgotten the key.
async function alreadyApplied(claim: ClaimedAction, provider: BillingProvider, ctx: ExecutionContext) {
  const first = claim.firstAttemptAt?.getTime();
  if (claim.attempts <= 1 || first === undefined || clock.nowMs() - first < KEY_TRUST_MS) return null;
  return findBillingEffect(provider, ctx);
}

async function queueMessage(claim: ClaimedAction, msg: OutboxMessage): Promise<string> {
  await getDb().$transaction(async (tx) => {
    const { messageId } = await enqueueOutboxMessage(tx, {
      ...msg,
      actionId: claim.id,
      idempotencyKey: claim.executionKey,
    });
    const changed = await tx.action.updateMany({
      where: { id: claim.id, status: 'executing' },
      data: {
        status: 'executed',
        executedAt: clock.now(),
        nextAttemptAt: null,
        result: {
          provider: 'outbox',
          channel: msg.channel,
          destination: msg.destination,
          ...(messageId ? { messageId } : {}),
        },
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
