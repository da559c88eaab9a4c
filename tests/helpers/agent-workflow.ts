import { getDb } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-kinds';
import { clock } from '@/lib/clock';

// Puts an agent workflow (agent × kind) straight into a phase, as if it had earned it, for tests
// of what a phase does rather than how it is reached (tests/autonomy covers the latter).
export async function putWorkflowInPhase(
  agentId: string,
  kind: ActionKind,
  phase: 'observe' | 'assist' | 'autopilot',
  caps: Partial<
    Record<'maxCountPerCustomerDay' | 'maxCountPerCustomerMonth' | 'dailyCeilingCount', number | null>
  > = {},
) {
  const now = clock.now();
  return getDb().agentWorkflow.upsert({
    where: { agentId_actionKind: { agentId, actionKind: kind } },
    update: { phase, phaseSince: now, ...caps },
    create: { agentId, actionKind: kind, phase, phaseSince: now, createdAt: now, ...caps },
  });
}
