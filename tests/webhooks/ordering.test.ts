import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import {
  basilEvent,
  configureWebhookEnv,
  createPlan,
  customerByExternalId,
  deliver,
  obj,
  rubyMockEvent,
  suffix,
  variant,
} from './helpers';

// Stripe delivers out of order: an older snapshot never overwrites newer stored state, and the
// skipped event is 'processed' with a note saying why.

beforeAll(() => configureWebhookEnv());

describe('out-of-order delivery', () => {
  it('subscription updates delivered newest-first end in the newest state', async () => {
    const sfx = suffix();
    const base = basilEvent('customer.subscription.created', 'subscription', sfx, 1_735_000_000);
    const sub = obj(base);
    const starter = await createPlan(sub.items.data[0].price.id, 'Starter');
    const scale = await createPlan(`price_scalex${sfx}`, 'Scale');
    const scaleItem = { ...sub.items.data[0], price: { ...sub.items.data[0].price, id: `price_scalex${sfx}` } };

    const t1 = variant(base, 1_735_000_100, { status: 'active' }, 'customer.subscription.updated');
    const t2 = variant(
      base,
      1_735_000_200,
      { status: 'past_due', items: { object: 'list', data: [scaleItem] } },
      'customer.subscription.updated',
    );
    const t3 = variant(
      base,
      1_735_000_300,
      { status: 'active', cancel_at_period_end: false, items: { object: 'list', data: [scaleItem] } },
      'customer.subscription.updated',
    );

    await deliver(t3);
    const late2 = await deliver(t2);
    const late1 = await deliver(t1);
    const lateCreate = await deliver(base);
    const row = await getDb().subscription.findUniqueOrThrow({ where: { externalId: sub.id } });
    expect(row).toMatchObject({ status: 'active', planId: scale.id, cancelAtPeriodEnd: false });
    expect(row.planId).not.toBe(starter.id);
    expect(row.sourceEventCreatedAt?.toISOString()).toBe(new Date(1_735_000_300 * 1000).toISOString());
    for (const skipped of [late2, late1, lateCreate]) {
      expect(skipped.inbox.status).toBe('processed');
      expect(skipped.inbox.lastError).toMatch(/^skipped: stored subscription sub_\w+ is newer/);
    }
  });

  it('same second: a canceled snapshot is not revived by an active one', async () => {
    const base = basilEvent('customer.subscription.updated', 'subscription', suffix(), 1_735_100_000);
    await createPlan(obj(base).items.data[0].price.id);
    await deliver(variant(base, 1_735_100_000, { status: 'canceled' }, 'customer.subscription.deleted'));
    await deliver(variant(base, 1_735_100_000, { status: 'active' }));
    expect((await getDb().subscription.findUniqueOrThrow({ where: { externalId: obj(base).id } })).status).toBe(
      'canceled',
    );
  });

  it('an older invoice event after invoice.paid does not revert it to open', async () => {
    const sfx = suffix();
    const paid = rubyMockEvent('invoice.paid', sfx);
    await deliver(paid);
    const id = obj(paid).id;
    // Older: the payment_failed snapshot from before the retry succeeded.
    const failed = rubyMockEvent('invoice.payment_failed', sfx);
    expect(failed.created).toBeLessThan(paid.created);
    const older = await deliver(failed);
    expect(older.inbox.lastError).toMatch(/^skipped: stored invoice in_\w+ is newer/);
    // Same second: invoice.updated still saying open (Stripe fires these together).
    await deliver(
      variant(paid, paid.created, { status: 'open', amount_paid: 0, amount_remaining: 2000 }, 'invoice.updated'),
    );
    const invoice = await getDb().invoice.findUniqueOrThrow({ where: { externalId: id }, include: { lines: true } });
    expect(invoice).toMatchObject({ status: 'paid', amountPaid: 2000, amountRemaining: 0 });
    expect(invoice.lines).toHaveLength(1);
    // The failed attempt itself is still a fact worth keeping.
    expect(await getDb().paymentAttempt.count({ where: { externalId: obj(failed).charge } })).toBe(1);
  });

  it('a customer.updated older than customer.deleted does not undelete the customer', async () => {
    const created = basilEvent('customer.created', 'customer', suffix(), 1_735_200_000);
    const id = obj(created).id;
    await deliver(created);
    await deliver({
      ...created,
      id: `${created.id}d`,
      type: 'customer.deleted',
      created: 1_735_200_500,
      data: { object: { id, object: 'customer', deleted: true } },
    });
    await deliver(variant(created, 1_735_200_400, { name: 'Too Late' }, 'customer.updated'));
    const customer = await customerByExternalId(id);
    expect(customer.deletedAt).not.toBeNull();
    expect(customer.name).not.toBe('Too Late');
  });

  it('a dispute status never walks back', async () => {
    const dispute = basilEvent('charge.dispute.created', 'dispute', suffix(), 1_735_300_000);
    await deliver(variant(dispute, 1_735_300_000, { status: 'under_review' }));
    const again = await deliver(dispute);
    expect(again.inbox.lastError).toMatch(/^skipped/);
    expect((await getDb().dispute.findUniqueOrThrow({ where: { externalId: obj(dispute).id } })).status).toBe(
      'under_review',
    );
  });
});
