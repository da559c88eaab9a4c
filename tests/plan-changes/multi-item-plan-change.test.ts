import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { applyDueLedgerPlanChanges } from '@/lib/server/actions/apply-due-ledger-plan-changes';
import { cancelAction } from '@/lib/server/actions/cancel-action';
import { decideAction } from '@/lib/server/actions/decide-action';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { runDueActions } from '@/lib/server/actions/run-due-actions';
import { createLedgerProvider } from '@/lib/server/billing/ledger-provider';
import { FakeStripeSchedules } from '../fixtures/fake-stripe-schedules';
import { startStripeWorld, type StripeWorld } from '../actions/stripe-world';
import { parkOpenActions, setPolicy } from '../actions/world';
import { uniq } from '../helpers/fresh-database';
import { basilEvent, configureWebhookEnv, deliver } from '../webhooks/helpers';

// A usage-based subscription as Stripe shapes it — a licensed base price, three metered prices
// (one per billing meter) and a separately sold add-on — moved between plans whose meters differ:
// api_calls and storage exist on both, events only on Growth, webhooks only on Scale.

let world: StripeWorld;
let schedules: FakeStripeSchedules;
beforeAll(async () => {
  configureWebhookEnv();
  world = await startStripeWorld();
  schedules = new FakeStripeSchedules(world.billing);
});
afterAll(() => world.close());
beforeEach(async () => {
  await parkOpenActions();
  await setPolicy('plan_change', { mode: 'assist', dualApprovalAbove: null });
});

const DAY = 86_400;

async function usageWorld() {
  const db = getDb();
  const tag = uniq('pc').replace(/[^A-Za-z0-9]/g, '');
  const meterKeys = ['api_calls', 'storage', 'events', 'webhooks'] as const;
  const meters = Object.fromEntries(
    await Promise.all(
      meterKeys.map(async (k) => [
        k,
        await db.meter.create({
          data: { key: `${k}_${tag}`, name: k, unit: 'units', aggregation: 'sum', externalId: `mtr_${k}_${tag}` },
        }),
      ]),
    ),
  ) as Record<(typeof meterKeys)[number], { id: string; key: string; externalId: string | null }>;
  const price = (plan: string, meter: string) => `price_${plan}_${meter}_${tag}`;
  const plan = (name: string, base: number, metered: (typeof meterKeys)[number][]) =>
    db.plan.create({
      data: {
        key: `${name}_${tag}`,
        name,
        basePriceMinor: base,
        externalId: price(name, 'base'),
        limits: {
          create: metered.map((m) => ({
            meterId: meters[m].id,
            includedQuantity: 1000,
            overageUnitPrice: 1,
            priceExternalId: price(name, m),
          })),
        },
      },
    });
  const growth = await plan('growth', 19_900, ['api_calls', 'storage', 'events']);
  const scale = await plan('scale', 79_900, ['api_calls', 'storage', 'webhooks']);
  for (const name of ['growth', 'scale'])
    for (const m of meterKeys)
      world.billing.putPrice({
        id: price(name, m),
        object: 'price',
        recurring: { interval: 'month', interval_count: 1, usage_type: 'metered', meter: meters[m].externalId },
      });
  const customer = await db.customer.create({ data: { name: `Customer ${tag}`, externalId: `cus_${tag}` } });
  const admin = await db.user.create({ data: { email: `admin-${tag}@example.test`, name: 'admin', role: 'admin' } });
  const revops = await db.user.create({ data: { email: `rey-${tag}@example.test`, name: 'rey', role: 'revops' } });
  const now = Math.floor(Date.now() / 1000);
  const periodStart = now - 10 * DAY;
  const periodEnd = now + 20 * DAY;
  const items = [
    { id: `si_base_${tag}`, price: world.billing.priceObject(price('growth', 'base')), quantity: 1 },
    ...(['api_calls', 'storage', 'events'] as const).map((m) => ({
      id: `si_${m}_${tag}`,
      price: world.billing.priceObject(price('growth', m)),
    })),
    { id: `si_addon_${tag}`, price: world.billing.priceObject(`price_support_${tag}`), quantity: 2 },
  ];
  world.fake.put({
    id: `sub_${tag}`,
    object: 'subscription',
    status: 'active',
    customer: `cus_${tag}`,
    current_period_start: periodStart,
    current_period_end: periodEnd,
    schedule: null,
    items: { object: 'list', data: items },
    metadata: {},
  });
  const subscription = await db.subscription.create({
    data: {
      customerId: customer.id,
      planId: growth.id,
      externalId: `sub_${tag}`,
      status: 'active',
      currentPeriodStart: new Date(periodStart * 1000),
      currentPeriodEnd: new Date(periodEnd * 1000),
      items: {
        create: [
          { externalId: `si_base_${tag}`, priceExternalId: price('growth', 'base') },
          ...(['api_calls', 'storage', 'events'] as const).map((m) => ({
            externalId: `si_${m}_${tag}`,
            priceExternalId: price('growth', m),
            meterId: meters[m].id,
          })),
          { externalId: `si_addon_${tag}`, priceExternalId: `price_support_${tag}`, quantity: 2 },
        ],
      },
    },
  });
  const asUser = (u: { id: string; email: string; name: string | null; role: 'admin' | 'revops' }) => ({
    id: u.id,
    email: u.email,
    name: u.name ?? '',
    role: u.role,
  });
  return {
    tag,
    price,
    meters,
    growth,
    scale,
    customer,
    subscription,
    periodEnd,
    admin: asUser(admin as never),
    revops: asUser(revops as never) as SessionUser,
  };
}
type World = Awaited<ReturnType<typeof usageWorld>>;

async function approvedChange(w: World, effective: 'now' | 'period_end') {
  const { actionId } = await getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'plan_change',
      customerId: w.customer.id,
      title: 'Upgrade to Scale',
      payload: { subscriptionId: w.subscription.id, fromPlanKey: w.growth.key, toPlanKey: w.scale.key, effective },
      actor: { type: 'agent', id: 'usage-analyst', version: 'test' },
    }),
  );
  await decideAction(w.revops, actionId!, { revision: 1, decision: 'approved' }, 'r');
  return actionId!;
}
const action = (id: string) => getDb().action.findUniqueOrThrow({ where: { id } });
const fakeItems = (w: World) =>
  (
    world.fake.objects.subscriptions.get(`sub_${w.tag}`)!.items as {
      data: { price: { id: string }; quantity?: number }[];
    }
  ).data.map((i) => [i.price.id, i.quantity ?? null]);

describe('plan changes map every item of the subscription', () => {
  it('the approval shows each item before and after', async () => {
    const w = await usageWorld();
    const id = await approvedChange(w, 'now');
    const { describeAction } = await import('@/lib/server/actions/describe-action');
    const a = await action(id);
    const rev = await getDb().actionRevision.findFirstOrThrow({ where: { actionId: id } });
    const d = await getDb().$transaction((tx) => describeAction(tx, a.kind, rev.payload, a.customerId));
    expect(d.before).toContain('events');
    expect(d.after).toContain('removed: events');
    expect(d.after).toContain(`added: webhooks (${w.price('scale', 'webhooks')})`);
    expect(d.after).toContain(`api_calls (${w.price('scale', 'api_calls')})`);
  });

  it('now: one update swaps the base and each metered price, removes the meter Scale lacks, adds the one it has, keeps the add-on', async () => {
    const w = await usageWorld();
    const id = await approvedChange(w, 'now');
    expect(await runDueActions(world.provider)).toEqual(['executed']);
    const updates = world.billing.effectsFor('subscription_update').filter((e) => e.id === `sub_${w.tag}`);
    expect(updates).toHaveLength(1);
    expect(fakeItems(w)).toEqual([
      [w.price('scale', 'base'), 1],
      [w.price('scale', 'api_calls'), null],
      [w.price('scale', 'storage'), null],
      [`price_support_${w.tag}`, 2],
      [w.price('scale', 'webhooks'), null],
    ]);
    expect(updates[0]!.body).toMatchObject({ 'items[3][id]': `si_events_${w.tag}`, 'items[3][deleted]': 'true' });
    expect((await action(id)).status).toBe('executed');
  });

  it('period end: a schedule whose second phase starts at the period end; nothing changes until the webhook says it started', async () => {
    const w = await usageWorld();
    const id = await approvedChange(w, 'period_end');
    expect(await runDueActions(world.provider)).toEqual(['executed']);
    // Accepted by Stripe, not in effect: the subscription is untouched and the action waits.
    expect(world.billing.effectsFor('subscription_update').filter((e) => e.id === `sub_${w.tag}`)).toHaveLength(0);
    let a = await action(id);
    expect(a.status).toBe('scheduled');
    expect(a.executedAt).toBeNull();
    const scheduleId = (a.result as { data: { scheduleId: string } }).data.scheduleId;
    const schedule = schedules.schedules.get(scheduleId)!;
    expect(schedule.end_behavior).toBe('release');
    expect(schedule.phases).toHaveLength(2);
    expect(schedule.phases[1]!.start_date).toBe(w.periodEnd);
    expect(schedule.phases[1]!.items).toEqual([
      { price: w.price('scale', 'base'), quantity: 1 },
      { price: w.price('scale', 'api_calls') },
      { price: w.price('scale', 'storage') },
      { price: `price_support_${w.tag}`, quantity: 2 },
      { price: w.price('scale', 'webhooks') },
    ]);
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: w.subscription.id } })).planId).toBe(
      w.growth.id,
    );

    // The period ends at Stripe: the subscription takes phase 1's items and says so by webhook.
    const started = schedules.startNextPhase(scheduleId);
    const event = basilEvent('customer.subscription.updated', 'subscription', w.tag, Math.floor(Date.now() / 1000));
    const template = event.data.object as Record<string, any>;
    const itemTemplate = template.items.data[0];
    event.data.object = {
      ...template,
      id: `sub_${w.tag}`,
      customer: `cus_${w.tag}`,
      status: 'active',
      items: {
        ...template.items,
        data: (started.items as { data: Record<string, any>[] }).data.map((i) => ({
          ...itemTemplate,
          ...i,
          price: { ...itemTemplate.price, ...i.price },
          current_period_start: w.periodEnd,
          current_period_end: w.periodEnd + 30 * DAY,
        })),
      },
    };
    const { inbox } = await deliver(event as never);
    expect(inbox.status).toBe('processed');
    a = await action(id);
    expect(a.status).toBe('executed');
    expect(a.executedAt).not.toBeNull();
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: w.subscription.id } })).planId).toBe(
      w.scale.id,
    );
    // Once started it can no longer be withdrawn.
    await expect(cancelAction(w.revops, id, 'too late', 'r', world.provider)).rejects.toMatchObject({ status: 409 });
  });

  it('a scheduled change can be cancelled before it starts: the schedule is released, the subscription untouched', async () => {
    const w = await usageWorld();
    const id = await approvedChange(w, 'period_end');
    await runDueActions(world.provider);
    const scheduleId = ((await action(id)).result as { data: { scheduleId: string } }).data.scheduleId;
    await cancelAction(w.revops, id, 'customer changed their mind', 'r', world.provider);
    expect((await action(id)).status).toBe('cancelled');
    expect(schedules.schedules.get(scheduleId)!.status).toBe('released');
    expect(world.fake.objects.subscriptions.get(`sub_${w.tag}`)!.schedule).toBeNull();
    expect(fakeItems(w)[0]).toEqual([w.price('growth', 'base'), 1]);
    const audit = await getDb().auditEvent.findFirst({ where: { targetId: id, action: 'action.cancelled' } });
    expect(audit?.data).toMatchObject({ withdrew: 'scheduled_change' });
  });

  it('the ledger mirrors it: period-end changes wait for the period end, then move the plan and every item', async () => {
    const w = await usageWorld();
    const ledger = createLedgerProvider();
    const id = await approvedChange(w, 'period_end');
    expect(await runDueActions(ledger)).toEqual(['executed']);
    expect((await action(id)).status).toBe('scheduled');
    expect(await applyDueLedgerPlanChanges(new Date())).toBe(0);
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: w.subscription.id } })).planId).toBe(
      w.growth.id,
    );
    await applyDueLedgerPlanChanges(new Date(w.periodEnd * 1000 + 1000));
    expect((await action(id)).status).toBe('executed');
    const sub = await getDb().subscription.findUniqueOrThrow({
      where: { id: w.subscription.id },
      include: { items: { include: { meter: true } } },
    });
    expect(sub.planId).toBe(w.scale.id);
    expect(sub.items.map((i) => [i.priceExternalId, i.meter?.key ?? null]).sort()).toEqual(
      [
        [w.price('scale', 'base'), null],
        [w.price('scale', 'api_calls'), w.meters.api_calls.key],
        [w.price('scale', 'storage'), w.meters.storage.key],
        [w.price('scale', 'webhooks'), w.meters.webhooks.key],
        [`price_support_${w.tag}`, null],
      ].sort(),
    );
  });
});
