import type { Tx } from '@/lib/db';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';

// An agent withdraws drafts of its own that no longer make sense (the invoice they chase was
// paid): pending ones only — an approved action is a person's decision and is left to run or be
// cancelled by people. Audited with the agent as actor, in the caller's transaction.
export async function withdrawAgentDrafts(
  tx: Tx,
  input: {
    agent: { id: string; version: string };
    customerId: string;
    /** Which of the agent's decision records drafted them (e.g. one invoice's). */
    runInputs: { path: string[]; equals: string };
    reason: string;
  },
): Promise<string[]> {
  const pending = await tx.action.findMany({
    where: {
      customerId: input.customerId,
      status: 'pending_approval',
      agentRun: { agentId: input.agent.id, inputs: input.runInputs },
    },
    select: { id: true },
  });
  for (const { id } of pending) {
    await tx.action.update({ where: { id }, data: { status: 'cancelled' } });
    await appendAuditEvent(tx, {
      actor: { type: 'agent', id: input.agent.id, version: input.agent.version },
      action: 'action.cancelled',
      target: { type: 'action', id },
      customerId: input.customerId,
      data: { reason: input.reason },
    });
  }
  return pending.map((p) => p.id);
}
