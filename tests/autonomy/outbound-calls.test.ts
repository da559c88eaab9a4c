import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { decideAction } from '@/lib/server/actions/decide-action';
import { draftAction } from '@/lib/server/actions/draft-action';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { creditPayload, makeWorld, type World } from '../actions/world';
import { startStripeWorld, type StripeWorld } from '../actions/stripe-world';

let w: World;
let sw: StripeWorld;
beforeAll(async () => {
  process.env.STRIPE_AGENT_KEYS = 'usage-analyst=rk_test_usage_analyst';
  sw = await startStripeWorld(); // resets the env cache
  w = await makeWorld();
});
afterAll(async () => {
  await sw.close();
  delete process.env.STRIPE_AGENT_KEYS;
  resetEnvForTests();
});

describe('agent service accounts at the billing platform', () => {
  it('an agent’s action calls Stripe with its restricted key, and each call is stored with the action', async () => {
    const subId = w.subscription.externalId!;
    sw.fake.objects.subscriptions.set(subId, {
      id: subId,
      object: 'subscription',
      status: 'active',
      items: { object: 'list', data: [{ id: `si_${subId}`, price: { id: w.growth.externalId } }] },
    });
    const drafted = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'plan_change',
        customerId: w.customer.id,
        title: 'Upgrade',
        payload: { subscriptionId: w.subscription.id, fromPlanKey: w.growth.key, toPlanKey: w.scale.key },
        actor: { type: 'agent', id: 'usage-analyst', version: '1.0.0' },
      }),
    );
    expect(drafted.outcome).toBe('drafted');
    await decideAction(w.revops, drafted.actionId!, { revision: 1, decision: 'approved' }, 'r1');
    // Earlier files may leave due actions of their own; this action's row says what became of it.
    await runDueActions(sw.provider);
    expect((await getDb().action.findUniqueOrThrow({ where: { id: drafted.actionId! } })).status).toBe('executed');

    const calls = await getDb().actionOutboundCall.findMany({
      where: { actionId: drafted.actionId! },
      orderBy: { requestedAt: 'asc' },
    });
    const update = calls.find((c) => c.method === 'POST');
    expect(update).toMatchObject({
      target: 'stripe',
      endpoint: `/v1/subscriptions/${w.subscription.externalId}`,
      idempotencyKey: `tollgate-action-${drafted.actionId}-r1`,
      credential: 'restricted:usage-analyst',
      responseStatus: 200,
      aiAgentId: 'usage-analyst',
    });
    expect(update!.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    const sent = sw.fake.requestsTo('POST', '/v1/subscriptions/');
    expect(sent.at(-1)!.headers.authorization).toBe('Bearer rk_test_usage_analyst');
  });

  it('a platform endpoint outside the agent’s scope is refused before it is called, and audited', async () => {
    // A credit drafted by a person, then attributed to the usage analyst, whose scope has no credit endpoints.
    const drafted = await draftAction(
      w.revops,
      { kind: 'credit', customerId: w.customer.id, title: 'Credit', payload: creditPayload(w, 1_000) },
      'r2',
    );
    await getDb().action.update({ where: { id: drafted.actionId! }, data: { aiAgentId: 'usage-analyst' } });
    await decideAction(w.revops2, drafted.actionId!, { revision: 1, decision: 'approved' }, 'r3');
    const before = sw.fake.requestsTo('POST', '/v1/credit_notes').length;
    await runDueActions(sw.provider);
    const action = await getDb().action.findUniqueOrThrow({ where: { id: drafted.actionId! } });
    expect(action.status).toBe('failed');
    expect(sw.fake.requestsTo('POST', '/v1/credit_notes').length).toBe(before);
    expect(action.error).toMatch(/outside the scope of agent usage-analyst/);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetId: action.id, action: 'agent.endpoint_refused' },
    });
    expect(audit.aiAgentId).toBe('usage-analyst');
  });
});
