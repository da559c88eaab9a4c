import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { webhookSourceProblems } from '@/lib/server/webhooks/webhook-sources';
import { FakeRecurlyServer } from '../fixtures/fake-recurly-server';
import { createPlan } from '../webhooks/helpers';
import {
  API_KEY,
  clearRecurlyEnv,
  configureRecurlyEnv,
  deliverRecurly,
  notification,
  postRecurly,
  recurlyCustomer,
  recurlyId,
  recurlyWorld,
  serve,
  sign,
  WEBHOOK_SECRET,
} from './recurly-world';

// /api/webhooks/recurly through the inbox, against real PostgreSQL and a local fake of Recurly's
// API read through the recurly SDK: the recurly-signature header (HMAC-SHA256 over
// "<ms>.<body>", 5-minute tolerance), one row per notification, and — the notification carrying
// ids only — the account, subscription and invoice re-read from Recurly and stored as
// billing_provider 'recurly', ordered by the objects' updated_at.

let fake: FakeRecurlyServer;
beforeAll(async () => {
  fake = await new FakeRecurlyServer(API_KEY).start();
});
beforeEach(() => configureRecurlyEnv({ apiBase: fake.url }));
afterAll(async () => {
  clearRecurlyEnv();
  await fake?.stop();
});

const inboxRows = (eventId: string) => getDb().webhookEvent.count({ where: { source: 'recurly', eventId } });
const eventIdOf = (n: ReturnType<typeof notification>) => `${n.object_type}.${n.event_type}:${n.id}:${n.event_time}`;
const accountNotification = () => notification('account', 'created', recurlyWorld(recurlyId()).account);

describe('Recurly webhook signature', () => {
  it('accepts a body signed with the endpoint key and stores it', async () => {
    const n = accountNotification();
    const res = await postRecurly(n);
    expect(res).toMatchObject({ status: 200, body: { received: true, duplicate: false, status: 'received' } });
    expect(await inboxRows(eventIdOf(n))).toBe(1);
  });

  it('accepts the second signature while a rotated key is still honoured', async () => {
    const n = accountNotification();
    const res = await postRecurly(n, sign(JSON.stringify(n), ['the-old-key-no-longer-set', WEBHOOK_SECRET]));
    expect(res.status).toBe(200);
  });

  it.each([
    ['a signature under another key', (raw: string) => sign(raw, ['someone-elses-key']), 'invalid_signature'],
    ['a signature of another body', (raw: string) => sign(`${raw} `), 'invalid_signature'],
    ['a header without a timestamp', (raw: string) => sign(raw).split(',')[1]!, 'invalid_signature'],
    ['no recurly-signature header', () => null, 'missing_signature'],
    [
      'a signature 6 minutes old',
      (raw: string) => sign(raw, [WEBHOOK_SECRET], Date.now() - 6 * 60_000),
      'signature_expired',
    ],
  ])('refuses %s with 401 and the error envelope, storing nothing', async (_label, header, code) => {
    const n = accountNotification();
    const res = await postRecurly(n, header(JSON.stringify(n)));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
    expect(await inboxRows(eventIdOf(n))).toBe(0);
  });

  it('answers 503 while no signing key is configured, so Recurly retries later', async () => {
    configureRecurlyEnv({ secret: null, apiBase: fake.url });
    const n = accountNotification();
    const res = await postRecurly(n);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('webhook_not_configured');
    expect(await inboxRows(eventIdOf(n))).toBe(0);
  });
});

describe('Recurly notifications re-fetched into the normalised records', () => {
  it('a duplicate delivery (re-signed, as Recurly retries) is stored once and applied once', async () => {
    const { account } = recurlyWorld(recurlyId());
    serve(fake, { account });
    const n = notification('account', 'created', account);
    const first = await deliverRecurly(n);
    expect(first.inbox.status).toBe('processed');
    const again = await postRecurly(n, sign(JSON.stringify(n), [WEBHOOK_SECRET], Date.now() + 1_000));
    expect(again.body).toMatchObject({ duplicate: true, id: first.inboxId });
    expect(await inboxRows(eventIdOf(n))).toBe(1);
    expect(fake.requests.filter((r) => r.path === `/accounts/${account.id}`)).toHaveLength(1);
    expect(await recurlyCustomer(account.id)).toMatchObject({
      email: account.email,
      name: 'Example Inc',
      metadata: { recurly_account_code: account.code },
    });
  });

  it('subscription.created re-reads the subscription and its account through the SDK and stores both', async () => {
    const plan = await createPlan(recurlyId(), 'Basic');
    const world = recurlyWorld(plan.externalId!);
    serve(fake, world);
    const { inbox } = await deliverRecurly(notification('subscription', 'created', world.subscription));
    expect(inbox.status).toBe('processed');
    const reads = fake.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    expect(reads).toEqual(
      expect.arrayContaining([`/subscriptions/${world.subscription.id}`, `/accounts/${world.account.id}`]),
    );
    const customer = await recurlyCustomer(world.account.id);
    expect(customer.email).toBe(world.account.email);
    const sub = await getDb().subscription.findUniqueOrThrow({ where: { externalId: world.subscription.id } });
    expect(sub).toMatchObject({ customerId: customer.id, status: 'active', planId: plan.id, cancelAtPeriodEnd: false });
    expect(sub.sourceEventCreatedAt?.toISOString()).toBe(new Date(world.subscription.updated_at).toISOString());
  });

  it('charge_invoice.paid stores the invoice in minor units with its line, linked to the subscription', async () => {
    const plan = await createPlan(recurlyId(), 'Basic');
    const world = recurlyWorld(plan.externalId!);
    world.invoice.total = 19.99;
    world.invoice.subtotal = 19.99;
    world.invoice.paid = 19.99;
    world.invoice.line_items[0].amount = 19.99;
    serve(fake, world);
    await deliverRecurly(notification('subscription', 'created', world.subscription));
    const { inbox } = await deliverRecurly(notification('charge_invoice', 'paid', world.invoice));
    expect(inbox.status).toBe('processed');
    const invoice = await getDb().invoice.findUniqueOrThrow({
      where: { externalId: world.invoice.id },
      include: { lines: true, customer: true, subscription: true },
    });
    expect(invoice).toMatchObject({ status: 'paid', currency: 'usd', total: 1999, amountPaid: 1999, amountDue: 0 });
    expect(invoice.number).toBe(world.invoice.number);
    expect(invoice.customer.billingProvider).toBe('recurly');
    expect(invoice.subscription?.externalId).toBe(world.subscription.id);
    expect(invoice.lines).toEqual([expect.objectContaining({ description: 'Basic', amount: 1999, kind: 'flat' })]);
  });

  it('applies what Recurly has now, not what the notification says: a canceled subscription ends at period end', async () => {
    const plan = await createPlan(recurlyId(), 'Basic');
    const world = recurlyWorld(plan.externalId!);
    world.subscription.state = 'canceled';
    world.subscription.canceled_at = world.subscription.updated_at;
    serve(fake, world);
    await deliverRecurly(notification('subscription', 'created', world.subscription));
    const sub = await getDb().subscription.findUniqueOrThrow({ where: { externalId: world.subscription.id } });
    expect(sub).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
  });

  it('a read older than the stored object (by updated_at) is skipped', async () => {
    const plan = await createPlan(recurlyId(), 'Basic');
    const world = recurlyWorld(plan.externalId!);
    serve(fake, world);
    const newer = { ...world.subscription, state: 'expired', updated_at: new Date(Date.now() - 1_000).toISOString() };
    fake.objects.subscriptions.splice(fake.objects.subscriptions.indexOf(world.subscription), 1, newer);
    await deliverRecurly(notification('subscription', 'expired', newer));
    // A stale read (e.g. a lagging replica) brings the older version back.
    fake.objects.subscriptions.splice(fake.objects.subscriptions.indexOf(newer), 1, world.subscription);
    const late = await deliverRecurly(notification('subscription', 'created', world.subscription, Date.now() - 5_000));
    expect(late.inbox.status).toBe('processed');
    expect(late.inbox.lastError).toMatch(/skipped: stored subscription \S+ is newer/);
    const sub = await getDb().subscription.findUniqueOrThrow({ where: { externalId: world.subscription.id } });
    expect(sub.status).toBe('canceled');
  });

  it('an object Recurly no longer has is parked as unparseable, not retried', async () => {
    const { account } = recurlyWorld(recurlyId());
    const { inbox } = await deliverRecurly(notification('account', 'updated', account));
    expect(inbox.status).toBe('failed');
    expect(inbox.nextAttemptAt).toBeNull();
    expect(inbox.lastError).toMatch(/Recurly has no account/);
  });

  it('a type Tollgate does not store is kept as ignored, without reading Recurly', async () => {
    const { account } = recurlyWorld(recurlyId());
    const reads = fake.requests.length;
    const res = await postRecurly(notification('gift_card', 'purchased', account));
    expect(res.body.status).toBe('ignored');
    expect(fake.requests.length).toBe(reads);
  });

  it('without an API key the notification is stored and retried on the schedule, not parked, and the console says why', async () => {
    delete process.env.RECURLY_API_KEY;
    resetEnvForTests();
    const { account } = recurlyWorld(recurlyId());
    serve(fake, { account });
    const { inbox } = await deliverRecurly(notification('account', 'created', account));
    expect(inbox.status).toBe('failed');
    expect(inbox.nextAttemptAt).not.toBeNull();
    expect(inbox.lastError).toMatch(/RECURLY_API_KEY/);
    expect((await webhookSourceProblems()).filter((p) => p.source === 'recurly')).toEqual([
      expect.objectContaining({ problem: expect.stringContaining('RECURLY_API_KEY') }),
    ]);
  });
});
