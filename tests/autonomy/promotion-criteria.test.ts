import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { decideAction } from '@/lib/server/actions/decide-action';
import { draftAction } from '@/lib/server/actions/draft-action';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { computeWorkflowMetrics } from '@/lib/server/actions/autonomy/workflow-metrics';
import { clock } from '@/lib/clock';
import { makeWorld, setPolicy, type World } from '../actions/world';
import { uniq } from '../helpers/fresh-database';
import { seedDrafts, seedWorkflow } from './seed-history';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await getDb().agentWorkflow.deleteMany({ where: { agentId: 'usage-analyst', actionKind: 'crm_task' } });
  await setPolicy('crm_task', {});
});

describe('acceptance metrics and promotion criteria from seeded history', () => {
  it('counts unedited, edited (by how much), rejected (with reasons) and expired drafts', async () => {
    const wf = await seedWorkflow(uniq('agent'), 'credit', 120);
    await seedDrafts(wf, w.customer.id, w.revops, { unedited: 57, edited: 1, rejected: 1, expired: 1 });
    let m = await computeWorkflowMetrics(getDb(), wf, clock.now());
    expect(m).toMatchObject({
      drafts: 60,
      approvedUnedited: 57,
      approvedEdited: 1,
      rejected: 1,
      expired: 1,
      uneditedPercent: 95,
      editDelta: { averagePercent: 20, maxPercent: 20 },
      rejectionReasons: [{ reason: 'wrong customer', count: 1 }],
      reversals: 0,
    });
    expect(m.weekly.reduce((s, x) => s + x.unedited, 0)).toBe(57);
    expect(m.promotion.eligible).toBe(true);

    await seedDrafts(wf, w.customer.id, w.revops, { rejected: 1 }); // 57 / 61 = 93.4 %
    m = await computeWorkflowMetrics(getDb(), wf, clock.now());
    expect(m.promotion.eligible).toBe(false);
    expect(m.promotion.checks.find((c) => c.key === 'unedited')).toMatchObject({ ok: false, actual: 93.4 });
  });

  it('one reversal in the last 30 days blocks promotion', async () => {
    const wf = await seedWorkflow(uniq('agent'), 'credit', 120);
    await seedDrafts(wf, w.customer.id, w.revops, { unedited: 60, reversed: 1 });
    const m = await computeWorkflowMetrics(getDb(), wf, clock.now());
    expect(m.reversals).toBe(1);
    expect(m.promotion.checks.filter((c) => !c.ok).map((c) => c.key)).toEqual(['reversals']);
  });

  it('in observe, records what autopilot would have done and how a reviewer decided the equivalent draft', async () => {
    // Earlier files may have opened this workflow in assist; observe starts from a new one.
    await getDb().agentWorkflow.deleteMany({ where: { agentId: 'usage-analyst', actionKind: 'crm_task' } });
    await setPolicy('crm_task', { mode: 'observe' });
    const observed = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'crm_task',
        customerId: w.customer.id,
        title: 'Call about the overage',
        payload: { title: 'Call about the overage', body: 'usage tripled' },
        actor: { type: 'agent', id: 'usage-analyst', version: '1.0.0' },
      }),
    );
    expect(observed.outcome).toBe('observed');
    const wf = await getDb().agentWorkflow.findUniqueOrThrow({
      where: { agentId_actionKind: { agentId: 'usage-analyst', actionKind: 'crm_task' } },
    });
    expect(wf.phase).toBe('observe');
    const shadow = await getDb().workflowShadowDraft.findFirstOrThrow({
      where: { workflowId: wf.id, customerId: w.customer.id },
    });
    expect(shadow).toMatchObject({ wouldAutoApprove: true, title: 'Call about the overage' });

    await setPolicy('crm_task', {});
    const human = await draftAction(
      w.revops,
      { kind: 'crm_task', customerId: w.customer.id, title: 'Call them', payload: { title: 'Call them', body: '' } },
      'r1',
    );
    await decideAction(
      w.revops2,
      human.actionId!,
      { revision: 1, decision: 'rejected', reason: 'already called' },
      'r2',
    );
    const m = await computeWorkflowMetrics(getDb(), wf, clock.now());
    expect(m.shadow).toMatchObject({ wouldAutoApprove: m.shadow.observed, rejected: 1 });
    expect(m.shadow.observed).toBeGreaterThanOrEqual(1);
  });
});

describe('weekly digest', () => {
  it('queues one Slack digest per week through the outbox, naming each workflow', async () => {
    const { sendAutonomyDigest } = await import('@/lib/server/actions/autonomy/send-autonomy-digest');
    const first = await sendAutonomyDigest();
    await sendAutonomyDigest();
    const msgs = await getDb().outboxMessage.findMany({
      where: { idempotencyKey: `autonomy-digest:${first.week}:slack` },
    });
    expect(msgs).toHaveLength(1);
    expect((msgs[0]!.payload as { text: string }).text).toMatch(/Usage Analyst · CRM task: observe since/);
  });
});
