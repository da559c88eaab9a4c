import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { decideAction } from '@/lib/server/actions/decide-action';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { recordActionReversal } from '@/lib/server/actions/autonomy/record-action-reversal';
import { makeWorld, type World } from '../actions/world';
import { putWorkflowInPhase } from '../helpers/agent-workflow';

const AGENT = { type: 'agent' as const, id: 'usage-analyst', version: '1.0.0' };
let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await getDb().agentWorkflow.deleteMany({ where: { agentId: 'usage-analyst', actionKind: 'slack_post' } });
});

const post = (text: string) =>
  getDb().$transaction((tx) =>
    proposeAction(tx, { kind: 'slack_post', customerId: w.customer.id, title: text, payload: { text }, actor: AGENT }),
  );
const phase = async () =>
  getDb().agentWorkflow.findUniqueOrThrow({
    where: { agentId_actionKind: { agentId: 'usage-analyst', actionKind: 'slack_post' } },
    include: { phaseChanges: { orderBy: { effectiveAt: 'desc' }, take: 1 } },
  });

describe('rollback on a breach', () => {
  it('a reversal of an executed autopilot action demotes the workflow to assist, audited', async () => {
    await putWorkflowInPhase('usage-analyst', 'slack_post', 'autopilot');
    const auto = await post('Usage alert: tripled overnight');
    expect(auto.outcome).toBe('auto_approved');
    const action = await getDb().action.update({ where: { id: auto.actionId! }, data: { status: 'executed' } });
    expect(action.aiAgentId).toBe('usage-analyst');

    const r = await recordActionReversal(w.revops, action.id, 'Posted to the wrong channel', 'r1');
    expect(r.workflowDemoted).toBe(true);
    const wf = await phase();
    expect(wf.phase).toBe('assist');
    expect(wf.phaseChanges[0]).toMatchObject({ fromPhase: 'autopilot', toPhase: 'assist', cause: 'demotion_reversal' });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetType: 'workflow', targetId: wf.id, action: 'workflow.phase_changed' },
      orderBy: { sequence: 'desc' },
    });
    expect(audit).toMatchObject({ actorId: 'autonomy', aiAgentId: 'usage-analyst' });

    const next = await post('Usage alert again');
    expect(next).toMatchObject({ outcome: 'drafted', reason: expect.stringMatching(/is in assist/) });
  });

  it('a spike of rejections demotes an autopilot workflow', async () => {
    // Caps of zero send every draft for approval while the workflow stays in autopilot.
    await putWorkflowInPhase('usage-analyst', 'slack_post', 'autopilot', { maxCountPerCustomerDay: 0 });
    for (let i = 0; i < 3; i++) {
      const d = await post(`Noisy alert ${i}`);
      expect(d.outcome).toBe('drafted');
      expect((await phase()).phase).toBe('autopilot');
      await decideAction(w.revops, d.actionId!, { revision: 1, decision: 'rejected', reason: 'noise' }, `r${i}`);
    }
    const wf = await phase();
    expect(wf.phase).toBe('assist');
    expect(wf.phaseChanges[0]).toMatchObject({ cause: 'demotion_rejections' });
  });
});
