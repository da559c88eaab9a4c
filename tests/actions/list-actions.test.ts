import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { actionListQuery } from '@/lib/schemas/actions';
import { listActions } from '@/lib/server/actions/list-actions';
import { countActions } from '@/lib/server/actions/count-actions';
import { clock } from '@/lib/clock';
import { draftCredit, makeWorld, setPolicy, type World } from './world';

let w: World;
const query = (q: Record<string, unknown>) => actionListQuery.parse({ customerId: w.customer.id, ...q });
const amounts = async (q: Record<string, unknown>) => (await listActions(query(q))).map((a) => a.amountMinor);

async function draftTask(title: string) {
  const { proposeAction } = await import('@/lib/server/actions/propose-action');
  return getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'crm_task',
      customerId: w.customer.id,
      title,
      payload: { title, body: '' },
      actor: { type: 'agent', id: 'billing-ops', version: '0.1.0' },
      model: 'builtin',
      reasoning: 'follow up',
    }),
  );
}

beforeEach(async () => {
  w = await makeWorld();
  await setPolicy('credit', { mode: 'assist', reviewWindowHours: 24 });
  await setPolicy('crm_task', { mode: 'assist', reviewWindowHours: 24 });
});

describe('the approval queue: sort, search and counts on the server', () => {
  it('sorts by amount, deadline, risk and age', async () => {
    const small = (await draftCredit(w, 1_000)).actionId!;
    const big = (await draftCredit(w, 90_000)).actionId!;
    const task = (await draftTask('Call the customer')).actionId!;
    const mid = (await draftCredit(w, 30_000)).actionId!;
    // The small credit is due soonest, the big one latest.
    const at = (h: number) => new Date(clock.nowMs() + h * 3_600_000);
    await getDb().action.update({ where: { id: small }, data: { reviewDeadline: at(1) } });
    await getDb().action.update({ where: { id: mid }, data: { reviewDeadline: at(5) } });
    await getDb().action.update({ where: { id: big }, data: { reviewDeadline: at(9) } });
    await getDb().action.update({ where: { id: task }, data: { reviewDeadline: at(3) } });

    expect(await amounts({ sort: 'amount' })).toEqual([90_000, 30_000, 1_000, null]);
    expect((await listActions(query({ sort: 'deadline' }))).map((a) => a.id)).toEqual([small, task, mid, big]);
    // Money-moving kinds first (largest first), then the task.
    expect((await listActions(query({ sort: 'risk' }))).map((a) => a.id)).toEqual([big, mid, small, task]);
    expect((await listActions(query({ sort: 'risk', limit: 2 }))).map((a) => a.id)).toEqual([big, mid]);
    expect((await listActions(query({}))).map((a) => a.id)).toEqual([small, big, task, mid]);
    expect((await listActions(query({ sort: 'newest' }))).map((a) => a.id)).toEqual([mid, task, big, small]);
  });

  it('searches title and customer name, and counts per status group and kind', async () => {
    const credit = (await draftCredit(w, 2_000)).actionId!;
    await draftCredit(w, 3_000);
    const task = (await draftTask('Renewal call')).actionId!;
    await getDb().action.update({ where: { id: credit }, data: { status: 'failed' } });

    expect((await listActions(query({ q: 'renewal' }))).map((a) => a.id)).toEqual([task]);
    expect(await listActions(query({ q: w.customer.name.toUpperCase() }))).toHaveLength(2);
    expect(await listActions(query({ q: 'no such words' }))).toHaveLength(0);
    expect((await listActions(query({ status: 'failed' }))).map((a) => a.id)).toEqual([credit]);

    // A task executed by queueing a message whose delivery died is a failed execution too; one
    // whose message was sent is not.
    const delivered = (await draftTask('Delivered task')).actionId!;
    const outbox = (actionId: string, status: 'dead' | 'sent') =>
      getDb().outboxMessage.create({
        data: {
          channel: 'crm',
          destination: 'default:crm',
          payload: {},
          status,
          actionId,
          idempotencyKey: `k-${actionId}`,
        },
      });
    await getDb().action.updateMany({ where: { id: { in: [task, delivered] } }, data: { status: 'executed' } });
    await outbox(task, 'dead');
    await outbox(delivered, 'sent');
    expect((await listActions(query({ status: 'failed', sort: 'oldest' }))).map((a) => a.id)).toEqual([credit, task]);
    await getDb().action.update({ where: { id: task }, data: { status: 'pending_approval' } });
    await getDb().action.update({ where: { id: delivered }, data: { status: 'cancelled' } });

    expect(await countActions(query({}))).toEqual({
      byStatus: { open: 2, done: 2, failed: 1 },
      byKind: { credit: 1, crm_task: 1 },
    });
    // Choosing a kind narrows the status counts; the kind counts keep every kind.
    expect(await countActions(query({ kind: 'credit' }))).toEqual({
      byStatus: { open: 1, done: 1, failed: 1 },
      byKind: { credit: 1, crm_task: 1 },
    });
    expect((await countActions(query({ status: 'done' }))).byKind).toEqual({ credit: 1, crm_task: 1 });
  });

  it('refuses a sort it does not know and an over-long search', () => {
    expect(actionListQuery.safeParse({ sort: 'price' }).success).toBe(false);
    expect(actionListQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(actionListQuery.parse({ sort: 'risk' })).toMatchObject({ status: 'open', sort: 'risk' });
  });
});
