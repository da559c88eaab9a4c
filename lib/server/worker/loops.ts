import { getEnv } from '@/lib/env';
import { applyDueLedgerPlanChanges } from '@/lib/server/actions/apply-due-ledger-plan-changes';
import { reconcileUnknownActions } from '@/lib/server/actions/reconcile-unknown-actions';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { startLoop, type Loop } from '@/lib/server/jobs/start-loop';
import { runUsageForwarder } from '@/lib/server/usage-forwarding/run-usage-forwarder';

// Short-interval work that polls its own table with SKIP LOCKED instead of going through the job
// queue: the table row is the claim, so a crashed worker's work is picked up again when its lease
// lapses, and many workers can poll side by side.
export function startLoops(): Loop[] {
  const poll = getEnv().EXECUTOR_POLL_MS;
  return [
    startLoop('executor', poll, () => runDueActions()),
    startLoop('outbox', poll, () => deliverDueOutbox()),
    startLoop('reconciler', 30_000, () => reconcileUnknownActions()),
    startLoop('ledger-schedules', 60_000, () => applyDueLedgerPlanChanges()),
    startLoop('usage-forwarder', getEnv().USAGE_FORWARD_POLL_MS, () => runUsageForwarder()),
  ];
}
