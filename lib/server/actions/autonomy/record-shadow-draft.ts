import type { Tx } from '@/lib/db';
import type { ActionMoney } from '@/lib/server/actions/kinds';
import type { WorkflowRow } from './ensure-workflow';

// Shadow mode: in observe, nothing is drafted, but what the agent would have drafted is kept with
// whether autopilot would have executed it (and why not). The acceptance metrics later set each
// shadow draft against the equivalent draft a person made for the same customer and kind, and
// how a reviewer decided it (workflow-metrics.ts).
export async function recordShadowDraft(
  tx: Tx,
  wf: WorkflowRow,
  input: {
    customerId: string | null;
    agentRunId?: string | null;
    title: string;
    payload: unknown;
    money: Omit<ActionMoney, 'uncertain'>;
    would: { ok: boolean; reason: string };
    now: Date;
  },
): Promise<void> {
  await tx.workflowShadowDraft.create({
    data: {
      workflowId: wf.id,
      agentRunId: input.agentRunId ?? null,
      customerId: input.customerId,
      title: input.title,
      payload: input.payload as object,
      amountMinor: input.money.amountMinor,
      currency: input.money.currency,
      wouldAutoApprove: input.would.ok,
      wouldReason: input.would.reason,
      observedAt: input.now,
    },
  });
}
