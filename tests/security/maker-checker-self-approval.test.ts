import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import type { ActionKind } from '@/lib/schemas/action-kinds';
import { decideAction } from '@/lib/server/actions/decide-action';
import { editAction } from '@/lib/server/actions/edit-action';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { updatePolicy } from '@/lib/server/actions/policies/update-policy';
import { creditPayload, makeWorld, setPolicy, type World } from '../actions/world';

// Security finding Medium #7: below the dual-approval threshold, the person who drafted or last
// edited a money-moving action could approve it alone. Maker–checker now holds for credits, plan
// changes and dunning steps at any amount; only a low-risk kind's policy may allow self-approval.

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  for (const kind of ['credit', 'plan_change', 'dunning_step', 'slack_post'] as const)
    await setPolicy(kind, { mode: 'assist', dualApprovalAbove: 1_000_000 });
});

const payloads = (w: World): Record<'credit' | 'plan_change' | 'dunning_step', Record<string, unknown>> => ({
  credit: creditPayload(w, 500),
  plan_change: { subscriptionId: w.subscription.id, fromPlanKey: w.growth.key, toPlanKey: w.scale.key },
  dunning_step: { invoiceId: w.invoice.id, step: 'retry_now' },
});

const draftAs = (user: SessionUser, kind: ActionKind, payload: Record<string, unknown>) =>
  getDb()
    .$transaction((tx) =>
      proposeAction(tx, {
        kind,
        customerId: w.customer.id,
        title: `${kind} by ${user.name}`,
        payload,
        actor: { type: 'user', id: user.id },
      }),
    )
    .then((o) => o.actionId!);

describe('security #7: maker–checker for money-moving actions at any amount', () => {
  for (const kind of ['credit', 'plan_change', 'dunning_step'] as const) {
    it(`the author of a ${kind} below the dual threshold cannot approve it; someone else can`, async () => {
      const id = await draftAs(w.revops, kind, payloads(w)[kind]);
      await expect(decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r')).rejects.toMatchObject({
        status: 403,
        code: 'own_edit',
      });
      expect(await getDb().actionApproval.count({ where: { actionId: id } })).toBe(0);
      await expect(decideAction(w.revops2, id, { revision: 1, decision: 'approved' }, 'r')).resolves.toMatchObject({
        status: 'approved',
        approvals: 1,
        approvalsNeeded: 1,
      });
    });
  }

  it('the last editor of an agent-drafted credit cannot approve the revision they wrote', async () => {
    const drafted = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'credit',
        customerId: w.customer.id,
        title: 'SLA credit',
        payload: creditPayload(w, 500),
        actor: { type: 'agent', id: 'billing-ops', version: '0.1.0' },
      }),
    );
    const id = drafted.actionId!;
    await editAction(w.revops, id, { expectedRevision: 1, payload: creditPayload(w, 700) }, 'r');
    await expect(decideAction(w.revops, id, { revision: 2, decision: 'approved' }, 'r')).rejects.toMatchObject({
      status: 403,
      code: 'own_edit',
    });
    await expect(decideAction(w.admin, id, { revision: 2, decision: 'approved' }, 'r')).resolves.toMatchObject({
      status: 'approved',
    });
  });

  it('a policy may allow self-approval for a low-risk kind, never for a kind that moves money', async () => {
    const post = await draftAs(w.revops, 'slack_post', { text: 'Heads-up: usage spike' });
    await expect(decideAction(w.revops, post, { revision: 1, decision: 'approved' }, 'r')).rejects.toMatchObject({
      code: 'own_edit',
    });
    await updatePolicy(w.admin, 'slack_post', { settings: { selfApproval: 'allowed' } }, 'r');
    await expect(decideAction(w.revops, post, { revision: 1, decision: 'approved' }, 'r')).resolves.toMatchObject({
      status: 'approved',
    });

    await expect(updatePolicy(w.admin, 'credit', { settings: { selfApproval: 'allowed' } }, 'r')).rejects.toMatchObject(
      { status: 422, code: 'self_approval_not_allowed' },
    );
    await setPolicy('credit', { mode: 'assist', settings: { selfApproval: 'allowed' } }); // written around the API
    const credit = await draftAs(w.revops, 'credit', creditPayload(w, 500));
    await expect(decideAction(w.revops, credit, { revision: 1, decision: 'approved' }, 'r')).rejects.toMatchObject({
      code: 'own_edit',
    });
  });
});
