import { getDb } from '@/lib/db';
import type { ActionKind } from '@/lib/schemas/action-kinds';
import type { SessionUser } from '@/lib/auth/roles';
import { clock } from '@/lib/clock';

const DAY = 86_400_000;

// A workflow with a history: in assist since `assistDaysAgo`, and decided drafts of every sort
// spread over the last days — rows as the approval path leaves them, written directly because the
// history, not the path, is what these tests are about.
export async function seedWorkflow(agentId: string, kind: ActionKind, assistDaysAgo: number) {
  const db = getDb();
  const since = new Date(clock.nowMs() - assistDaysAgo * DAY);
  const wf = await db.agentWorkflow.create({
    data: { agentId, actionKind: kind, phase: 'assist', phaseSince: since, createdAt: since },
  });
  await db.workflowPhaseChange.create({
    data: {
      workflowId: wf.id,
      toPhase: 'assist',
      effectiveAt: since,
      cause: 'first_proposal',
      actorType: 'system',
      actorId: 'policy',
    },
  });
  return wf;
}

export type SeededOutcome = 'unedited' | 'edited' | 'rejected' | 'expired' | 'reversed';

export async function seedDrafts(
  wf: { agentId: string; actionKind: ActionKind },
  customerId: string,
  reviewer: SessionUser,
  outcomes: Partial<Record<SeededOutcome, number>>,
  withinDays = 9,
) {
  const db = getDb();
  let i = 0;
  for (const [outcome, n] of Object.entries(outcomes) as [SeededOutcome, number][]) {
    for (let k = 0; k < n; k++, i++) {
      const createdAt = new Date(clock.nowMs() - ((i % withinDays) + 0.5) * DAY);
      const edited = outcome === 'edited';
      const status = outcome === 'rejected' ? 'rejected' : outcome === 'expired' ? 'expired' : 'executed';
      await db.action.create({
        data: {
          kind: wf.actionKind,
          status,
          aiAgentId: wf.agentId,
          customerId,
          title: `seeded ${outcome} ${i}`,
          currentRevision: edited ? 2 : 1,
          initialAmountMinor: 10_000,
          amountMinor: edited ? 12_000 : 10_000,
          currency: 'usd',
          createdAt,
          executedAt: status === 'executed' ? createdAt : null,
          reversedAt: outcome === 'reversed' ? createdAt : null,
          revisions: { create: { revision: 1, payload: {} } },
          approvals:
            outcome === 'rejected'
              ? { create: { revision: 1, userId: reviewer.id, decision: 'rejected', reason: 'wrong customer' } }
              : undefined,
        },
      });
    }
  }
}
