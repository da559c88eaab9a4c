import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { decideAutopilotOverride } from '@/lib/server/actions/autonomy/decide-autopilot-override';
import { requestAutopilotOverride } from '@/lib/server/actions/autonomy/request-autopilot-override';
import { setWorkflowPhase } from '@/lib/server/actions/autonomy/set-workflow-phase';
import { computeWorkflowMetrics } from '@/lib/server/actions/autonomy/workflow-metrics';
import { clock } from '@/lib/clock';
import { makeWorld, type World } from '../actions/world';
import { uniq } from '../helpers/fresh-database';
import { seedDrafts, seedWorkflow } from './seed-history';

let w: World;
let admin2: SessionUser;
beforeAll(async () => {
  w = await makeWorld();
  const u = await getDb().user.create({ data: { email: `admin2-${w.tag}@example.test`, name: 'Ada', role: 'admin' } });
  admin2 = { id: u.id, email: u.email, name: u.name, role: 'admin' };
});

describe('the 90-day rule', () => {
  it('refuses autopilot on day 10 in assist even with perfect metrics; only a dual-controlled override gets there', async () => {
    const wf = await seedWorkflow(uniq('agent'), 'email', 10);
    await seedDrafts(wf, w.customer.id, w.revops, { unedited: 60 });
    const metrics = await computeWorkflowMetrics(getDb(), wf, clock.now());
    expect(metrics.daysInAssist).toBe(10);
    expect(metrics.promotion.checks.filter((c) => !c.ok).map((c) => c.key)).toEqual(['assist_days']);

    await expect(setWorkflowPhase(w.admin, wf.id, { phase: 'autopilot' }, 'r1')).rejects.toMatchObject({
      status: 409,
      code: 'criteria_not_met',
      message: expect.stringMatching(/at least 90 days in assist \(now 10\)/),
    });
    expect((await getDb().agentWorkflow.findUniqueOrThrow({ where: { id: wf.id } })).phase).toBe('assist');

    const reason = 'Launch week: the team reviews every send in the outbox by hand anyway.';
    const request = await requestAutopilotOverride(w.admin, wf.id, reason, 'r2');
    await expect(decideAutopilotOverride(w.admin, request.id, { decision: 'approved' }, 'r3')).rejects.toMatchObject({
      status: 403,
      code: 'dual_control',
    });
    expect((await getDb().agentWorkflow.findUniqueOrThrow({ where: { id: wf.id } })).phase).toBe('assist');

    await decideAutopilotOverride(admin2, request.id, { decision: 'approved', note: 'ok for a week' }, 'r4');
    const after = await getDb().agentWorkflow.findUniqueOrThrow({
      where: { id: wf.id },
      include: { phaseChanges: true },
    });
    expect(after.phase).toBe('autopilot');
    expect(after.phaseChanges.find((c) => c.toPhase === 'autopilot')).toMatchObject({
      cause: 'override',
      actorId: w.admin.id,
      approvedById: admin2.id,
      reason,
    });
    const audit = await getDb().auditEvent.findMany({
      where: { targetType: 'workflow', targetId: wf.id },
      orderBy: { sequence: 'asc' },
      select: { action: true, aiAgentId: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      'workflow.override_requested',
      'workflow.override_approved',
      'workflow.phase_changed',
    ]);
    expect(audit.every((a) => a.aiAgentId === wf.agentId)).toBe(true);
  });

  it('promotes without an override once the workflow has 90 days in assist and meets the criteria', async () => {
    const wf = await seedWorkflow(uniq('agent'), 'crm_task', 91);
    await seedDrafts(wf, w.customer.id, w.revops, { unedited: 50 });
    const r = await setWorkflowPhase(w.admin, wf.id, { phase: 'autopilot' }, 'r5');
    expect(r.phase).toBe('autopilot');
    const back = await setWorkflowPhase(w.admin, wf.id, { phase: 'assist' }, 'r6');
    expect(back.phase).toBe('assist');
  });
});
