import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { creditPayload, makeWorld, setPolicy, type World } from '../actions/world';
import { putWorkflowInPhase } from '../helpers/agent-workflow';
import { uniq } from '../helpers/fresh-database';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await setPolicy('credit', { mode: 'autopilot', maxAmountPerAction: 10_000 });
});
afterAll(async () => setPolicy('credit', {}));

describe('agent service accounts', () => {
  it('refuses and audits an action kind outside the agent’s declared scope, drafting nothing', async () => {
    const out = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'credit',
        customerId: w.customer.id,
        title: 'A credit the usage analyst may not give',
        payload: creditPayload(w, 2_000),
        actor: { type: 'agent', id: 'usage-analyst', version: '1.0.0' },
      }),
    );
    expect(out).toMatchObject({
      outcome: 'refused',
      actionId: null,
      reason: expect.stringMatching(/outside the scope/),
    });
    expect(await getDb().action.count({ where: { customerId: w.customer.id } })).toBe(0);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: 'agent.scope_refused', customerId: w.customer.id },
    });
    expect(audit).toMatchObject({
      actorType: 'agent',
      actorId: 'usage-analyst',
      aiAgentId: 'usage-analyst',
      targetId: 'credit',
    });
    expect(await getDb().agentWorkflow.count({ where: { agentId: 'usage-analyst', actionKind: 'credit' } })).toBe(0);
  });

  it('an agent that declares no scope may draft, never run on autopilot, and its action names it', async () => {
    const agentId = uniq('unregistered');
    await putWorkflowInPhase(agentId, 'credit', 'autopilot');
    const out = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'credit',
        customerId: w.customer.id,
        title: 'Credit from an agent without a scope',
        payload: creditPayload(w, 2_000),
        actor: { type: 'agent', id: agentId, version: '0.1.0' },
      }),
    );
    expect(out).toMatchObject({ outcome: 'drafted', reason: expect.stringMatching(/declares no scope/) });
    const action = await getDb().action.findUniqueOrThrow({ where: { id: out.actionId! } });
    expect(action.aiAgentId).toBe(agentId);
    const proposed = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: action.id, action: 'action.proposed' },
    });
    expect(proposed.aiAgentId).toBe(agentId);
  });
});
