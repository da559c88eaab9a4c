import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { decideAction } from '@/lib/server/actions/decide-action';
import { editAction } from '@/lib/server/actions/edit-action';
import { cancelAction } from '@/lib/server/actions/cancel-action';
import { expireActions } from '@/lib/server/actions/expire-actions';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { auditTrail, creditPayload, draftCredit, makeWorld, setPolicy, type World } from './world';
import { clock } from '@/lib/clock';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  await setPolicy('credit', {
    mode: 'assist',
    dualApprovalAbove: 20_000,
    maxAmountPerAction: 50_000,
    reviewWindowHours: 24,
  });
});

describe('action lifecycle', () => {
  it('draft → edit (new revision) → stale approval refused → approval of the current revision', async () => {
    const drafted = await draftCredit(w, 5_000);
    expect(drafted.outcome).toBe('drafted');
    const id = drafted.actionId!;
    const a = await getDb().action.findUniqueOrThrow({ where: { id } });
    expect(a).toMatchObject({ status: 'pending_approval', currentRevision: 1, amountMinor: 5_000, executionKey: null });
    expect(a.reviewDeadline!.getTime() - clock.nowMs()).toBeGreaterThan(23.9 * 3_600_000);

    await editAction(
      w.revops,
      id,
      { expectedRevision: 1, payload: creditPayload(w, 7_500), note: 'customer on annual plan' },
      'req1',
    );
    await expect(
      editAction(w.revops2, id, { expectedRevision: 1, payload: creditPayload(w, 9_000) }, 'req2'),
    ).rejects.toMatchObject({ status: 409, code: 'revision_changed' });
    await expect(decideAction(w.revops2, id, { revision: 1, decision: 'approved' }, 'req3')).rejects.toMatchObject({
      status: 409,
      code: 'revision_changed',
    });

    const res = await decideAction(w.revops2, id, { revision: 2, decision: 'approved' }, 'req4');
    expect(res).toMatchObject({ status: 'approved', approvals: 1, approvalsNeeded: 1 });
    const after = await getDb().action.findUniqueOrThrow({
      where: { id },
      include: { revisions: { orderBy: { revision: 'asc' } } },
    });
    expect(after.amountMinor).toBe(7_500);
    expect(after.executionKey).toBe(`tollgate-action-${id}-r2`);
    expect(after.revisions.map((r) => (r.payload as { amountMinor: number }).amountMinor)).toEqual([5_000, 7_500]);
    expect(await auditTrail(id)).toEqual(['action.proposed', 'action.edited', 'action.approved']);
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });

  it('two approvals racing from two tabs have one effect', async () => {
    const id = (await draftCredit(w, 4_000)).actionId!;
    const results = await Promise.allSettled([
      decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'tab1'),
      decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'tab2'),
      decideAction(w.revops2, id, { revision: 1, decision: 'approved' }, 'other'),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409, code: 'not_pending' });
    expect(await getDb().actionApproval.count({ where: { actionId: id } })).toBe(1);
    expect((await auditTrail(id)).filter((x) => x === 'action.approved')).toHaveLength(1);
  });

  it('only the roles the policy names can decide, and rejection needs nothing else', async () => {
    const id = (await draftCredit(w)).actionId!;
    await expect(decideAction(w.support, id, { revision: 1, decision: 'approved' }, 'r')).rejects.toMatchObject({
      status: 403,
      code: 'not_an_approver',
    });
    await setPolicy('credit', { approverRoles: ['admin'] });
    await expect(decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r')).rejects.toMatchObject({
      status: 403,
      code: 'not_an_approver',
    });
    await expect(
      decideAction(w.admin, id, { revision: 1, decision: 'rejected', reason: 'customer already compensated' }, 'r'),
    ).resolves.toMatchObject({ status: 'rejected' });
    await expect(decideAction(w.admin, id, { revision: 1, decision: 'approved' }, 'r')).rejects.toMatchObject({
      status: 409,
      code: 'not_pending',
    });
  });

  it("dual approval above the threshold: two different people, never one's own edit", async () => {
    const id = (await draftCredit(w, 30_000)).actionId!;
    const first = await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r');
    expect(first).toMatchObject({ status: 'pending_approval', approvals: 1, approvalsNeeded: 2 });
    const again = await decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r');
    expect(again).toMatchObject({ status: 'pending_approval', approvals: 1 });
    await expect(decideAction(w.revops2, id, { revision: 1, decision: 'approved' }, 'r')).resolves.toMatchObject({
      status: 'approved',
      approvals: 2,
    });

    const id2 = (await draftCredit(w, 30_000)).actionId!;
    await editAction(w.revops, id2, { expectedRevision: 1, payload: creditPayload(w, 35_000) }, 'r');
    await expect(decideAction(w.revops, id2, { revision: 2, decision: 'approved' }, 'r')).rejects.toMatchObject({
      status: 403,
      code: 'own_edit',
    });
    await decideAction(w.revops2, id2, { revision: 2, decision: 'approved' }, 'r');
    await decideAction(w.admin, id2, { revision: 2, decision: 'approved' }, 'r');
    expect((await getDb().action.findUniqueOrThrow({ where: { id: id2 } })).status).toBe('approved');
  });

  it('expires pending actions after the review window and refuses late approvals', async () => {
    await setPolicy('credit', { reviewWindowHours: 1 });
    const id = (await draftCredit(w)).actionId!;
    expect(await expireActions(new Date(clock.nowMs() + 30 * 60_000))).toBe(0);
    expect(await expireActions(new Date(clock.nowMs() + 61 * 60_000))).toBeGreaterThanOrEqual(1);
    expect((await getDb().action.findUniqueOrThrow({ where: { id } })).status).toBe('expired');
    await expect(decideAction(w.revops, id, { revision: 1, decision: 'approved' }, 'r')).rejects.toMatchObject({
      status: 409,
      code: 'not_pending',
    });
    expect(await auditTrail(id)).toEqual(['action.proposed', 'action.expired']);
  });

  it('cancels a pending action', async () => {
    const id = (await draftCredit(w)).actionId!;
    await cancelAction(w.revops, id, 'resolved by phone', 'r');
    expect((await getDb().action.findUniqueOrThrow({ where: { id } })).status).toBe('cancelled');
  });
});

describe('policy modes', () => {
  it('off drafts nothing; observe records the decision only', async () => {
    await setPolicy('credit', { mode: 'off' });
    expect(await draftCredit(w)).toMatchObject({ outcome: 'suppressed', actionId: null });
    await setPolicy('credit', { mode: 'observe' });
    expect(await draftCredit(w)).toMatchObject({ outcome: 'observed', actionId: null });
    expect(await getDb().action.count({ where: { customerId: w.customer.id } })).toBe(0);
    const observed = await getDb().auditEvent.findFirst({
      where: { action: 'action.observed', customerId: w.customer.id },
    });
    expect(observed).toMatchObject({
      actorType: 'agent',
      actorId: 'billing-ops',
      model: 'builtin',
      reasoning: 'incident downtime',
    });
  });

  // A person's drafts follow the kind policy; an agent's earn autopilot per workflow (tests/autonomy).
  it('autopilot approves under every cap and drafts above them', async () => {
    await setPolicy('credit', {
      mode: 'autopilot',
      maxAmountPerAction: 10_000,
      maxAmountPerCustomerMonth: 15_000,
      dualApprovalAbove: null,
    });
    const under = await draftCredit(w, 8_000, { type: 'user', id: w.support.id });
    expect(under.outcome).toBe('auto_approved');
    const a = await getDb().action.findUniqueOrThrow({ where: { id: under.actionId! } });
    expect(a).toMatchObject({ status: 'approved', autoApproved: true, executionKey: `tollgate-action-${a.id}-r1` });
    expect(await auditTrail(a.id)).toEqual(['action.proposed', 'action.auto_approved']);

    const overAction = await draftCredit(w, 12_000, { type: 'user', id: w.support.id });
    expect(overAction.outcome).toBe('drafted');
    const overMonth = await draftCredit(w, 9_000, { type: 'user', id: w.support.id }); // 8,000 + 9,000 > 15,000 this month
    expect(overMonth.outcome).toBe('drafted');
    const rev = await getDb().actionRevision.findFirstOrThrow({ where: { actionId: overMonth.actionId! } });
    expect(rev.note).toMatch(/total this month would be 17000/);
  });
});
