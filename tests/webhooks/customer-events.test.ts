import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { readFixture } from '@/tests/fixtures/stripe-fixture-files';
import {
  basilEvent,
  configureWebhookEnv,
  customerByExternalId,
  deliver,
  obj,
  post,
  rubyMockEvent,
  suffix,
  uniquify,
  variant,
  type StripeEvent,
} from './helpers';

// customer.created / updated / deleted from the basil customer object, and event types
// Tollgate does not handle.

beforeAll(() => configureWebhookEnv());

describe('customer events', () => {
  it('customer.created stores the customer, customer.updated changes it, customer.deleted keeps it with deleted_at', async () => {
    const created = basilEvent('customer.created', 'customer');
    const id = obj(created).id as string;
    const first = await deliver(created);
    expect(first.inbox).toMatchObject({
      status: 'processed',
      attempts: 1,
      lastError: null,
      type: 'customer.created',
      apiVersion: '2025-03-31.basil',
    });
    expect(first.inbox.processedAt).toBeInstanceOf(Date);
    let customer = await customerByExternalId(id);
    // The fixture has neither name nor e-mail: the Stripe id stands in as the name.
    expect(customer).toMatchObject({
      name: id,
      email: null,
      delinquent: false,
      deletedAt: null,
      billingProvider: 'stripe',
    });
    expect(customer.sourceEventCreatedAt?.toISOString()).toBe('2025-01-01T00:00:00.000Z');

    const updated = variant(
      created,
      created.created + 60,
      { name: 'Acme Corp', email: 'billing@acme.test', delinquent: true, metadata: { tier: 'gold' } },
      'customer.updated',
    );
    await deliver(updated);
    customer = await customerByExternalId(id);
    expect(customer).toMatchObject({
      name: 'Acme Corp',
      email: 'billing@acme.test',
      delinquent: true,
      metadata: { tier: 'gold' },
    });

    // Stripe's customer.deleted may carry only a stub: details stay, deleted_at is set.
    const deleted: StripeEvent = {
      ...created,
      id: `${created.id}del`,
      type: 'customer.deleted',
      created: created.created + 120,
      data: { object: { id, object: 'customer', deleted: true } },
    };
    await deliver(deleted);
    customer = await customerByExternalId(id);
    expect(customer.name).toBe('Acme Corp');
    expect(customer.deletedAt?.toISOString()).toBe(new Date((created.created + 120) * 1000).toISOString());
  });

  it('records an unhandled event type as ignored, answers 200 and never processes it', async () => {
    const event = uniquify(readFixture<StripeEvent>('objects-current-schema/event.fixtures3.json'), suffix());
    expect(event.type).toBe('plan.created');
    const { status, body } = await post(event);
    expect(status).toBe(200);
    expect(body).toMatchObject({ received: true, duplicate: false, status: 'ignored' });
    const row = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ status: 'ignored', attempts: 0, eventId: event.id });
    expect(row.processedAt).toBeInstanceOf(Date);

    const payment = rubyMockEvent('invoice.payment_succeeded');
    const res = await post(payment);
    expect(res.body.status).toBe('ignored');
  });
});
