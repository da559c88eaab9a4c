import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { decideAction } from '@/lib/server/actions/decide-action';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { makeWorld, setPolicy, type World } from '../actions/world';
import { putWorkflowInPhase } from '../helpers/agent-workflow';

// Security finding High #2: a plan change's money at stake was computed from the draft's own
// `fromPlanKey`. Claiming the subscription was already on the target plan gave 0; naming a plan
// that does not exist gave null (read as 0). Either skipped dual approval, passed every autopilot
// cap and let the author approve alone — under autopilot the subscription really moved.

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  await setPolicy('plan_change', {
    mode: 'autopilot',
    maxAmountPerAction: 10_000,
    maxAmountPerCustomerMonth: null,
    dualApprovalAbove: 20_000,
  });
  await putWorkflowInPhase('usage-analyst', 'plan_change', 'autopilot'); // agents earn autopilot per workflow
});

const propose = (w: World, fromPlanKey: string, toPlanKey = w.scale.key) =>
  getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'plan_change',
      customerId: w.customer.id,
      title: 'Upgrade',
      payload: { subscriptionId: w.subscription.id, fromPlanKey, toPlanKey },
      actor: { type: 'agent', id: 'usage-analyst', version: '1' },
    }),
  );

describe('security #2: plan-change money at stake comes from stored state', () => {
  it('refuses a draft whose fromPlanKey is not the plan the subscription is on (claimed already on the target)', async () => {
    await expect(propose(w, w.scale.key)).rejects.toMatchObject({ status: 409, code: 'from_plan_mismatch' });
    expect(await getDb().action.count({ where: { customerId: w.customer.id } })).toBe(0);
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: w.subscription.id } })).planId).toBe(
      w.growth.id,
    );
  });

  it('refuses a draft whose fromPlanKey names no plan at all, instead of treating its amount as zero', async () => {
    await expect(propose(w, 'no_such_plan')).rejects.toMatchObject({ status: 409, code: 'from_plan_mismatch' });
    expect(await getDb().action.count({ where: { customerId: w.customer.id } })).toBe(0);
  });

  it('computes the amount from the subscription’s stored plan, so the autopilot cap holds', async () => {
    const drafted = await propose(w, w.growth.key);
    expect(drafted.outcome).toBe('drafted');
    const a = await getDb().action.findUniqueOrThrow({ where: { id: drafted.actionId! } });
    expect(a).toMatchObject({ status: 'pending_approval', amountMinor: 60_000, autoApproved: false });
  });

  it('an amount that cannot be computed is never auto-approved and needs two approvers', async () => {
    // A target plan priced in another currency: the difference is not a number of minor units.
    const euro = await getDb().plan.create({
      data: { key: `${w.tag}_scale_eur`, name: 'Scale EUR', basePriceMinor: 19_900, currency: 'eur', rank: 3 },
    });
    const drafted = await propose(w, w.growth.key, euro.key);
    expect(drafted.outcome).toBe('drafted');
    expect(drafted.reason).toMatch(/cannot be computed/);
    const first = await decideAction(w.revops, drafted.actionId!, { revision: 1, decision: 'approved' }, 'r');
    expect(first).toMatchObject({ status: 'pending_approval', approvals: 1, approvalsNeeded: 2 });
    const second = await decideAction(w.revops2, drafted.actionId!, { revision: 1, decision: 'approved' }, 'r');
    expect(second).toMatchObject({ status: 'approved', approvals: 2 });
  });

  it('refuses the approval when the subscription has moved off the draft’s from-plan since it was drafted', async () => {
    await setPolicy('plan_change', { mode: 'assist' });
    const drafted = await propose(w, w.growth.key);
    await getDb().subscription.update({ where: { id: w.subscription.id }, data: { planId: w.scale.id } });
    await expect(
      decideAction(w.revops, drafted.actionId!, { revision: 1, decision: 'approved' }, 'r'),
    ).rejects.toMatchObject({ status: 409, code: 'from_plan_mismatch' });
    expect((await getDb().action.findUniqueOrThrow({ where: { id: drafted.actionId! } })).status).toBe(
      'pending_approval',
    );
  });
});
