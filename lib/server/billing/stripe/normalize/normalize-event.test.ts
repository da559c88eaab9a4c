import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { normalizeStripeEvent } from './normalize-event';
import { listFixtures, readFixture, readFixtureText, wrapInEvent } from '@/tests/fixtures/stripe-fixture-files';
import { readStripeEvent, verifyStripeSignature } from '../verify-stripe-signature';

type Json = Record<string, any>;
const d = (seconds: number) => new Date(seconds * 1000);

describe('every fixture event normalises (events/, 2020-08-27)', () => {
  const expectedKind: Record<string, string | null> = {
    'charge.dispute.created': 'dispute',
    'customer.subscription.updated': 'subscription',
    'invoice.created': 'invoice',
    'invoice.finalized': 'invoice',
    'invoice.paid': 'invoice',
    'invoice.payment_failed': 'payment_failure',
    'invoice.payment_succeeded': null, // not a handled type (invoice.paid covers it)
  };

  it('has exactly the expected files', () => {
    expect(
      listFixtures('events')
        .map((f) => readFixture<Json>(f).type)
        .sort(),
    ).toEqual(Object.keys(expectedKind).sort());
  });

  for (const file of listFixtures('events')) {
    it(`${file}: verify (signed here) → normalise`, () => {
      const raw = readFixtureText(file);
      const secret = 'whsec_fixture_NOT_A_REAL_KEY';
      const header = Stripe.webhooks.generateTestHeaderString({ payload: raw, secret, timestamp: 1_700_000_000 });
      const signature = verifyStripeSignature(raw, header, [secret], { nowSec: 1_700_000_001 });
      if (!signature.ok) throw new Error(signature.message);
      const verified = readStripeEvent(raw);
      if (!verified.ok) throw new Error(verified.message);
      expect(verified.event.api_version).toBe('2020-08-27');
      const normalised = normalizeStripeEvent(verified.event);
      const kind = expectedKind[verified.event.type];
      if (kind === null) {
        expect(normalised).toBeNull();
        return;
      }
      expect(normalised).toMatchObject({
        kind,
        eventId: 'evt_000000000000000000000000',
        eventType: verified.event.type,
        apiVersion: '2020-08-27',
        orderingKey: { externalId: verified.event.data!.object.id, eventCreated: verified.event.created },
      });
      expect(normalised!.record).toMatchObject({ externalId: verified.event.data!.object.id });
    });
  }
});

describe('every current-schema object normalises when wrapped as an event (basil+)', () => {
  const asEvent: Record<string, string | null> = {
    'customer.fixtures3.json': 'customer.updated',
    'subscription.fixtures3.json': 'customer.subscription.updated',
    'invoice.fixtures3.json': 'invoice.updated',
    'charge.fixtures3.json': 'charge.failed',
    'payment_intent.fixtures3.json': 'payment_intent.payment_failed',
    'dispute.fixtures3.json': 'charge.dispute.created',
    // Outside this module's scope (no handled event carries them):
    'billing.alert.fixtures3.json': null,
    'billing.meter.fixtures3.json': null,
    'billing.meter_event.fixtures3.json': null,
    'billing.meter_event_summary.fixtures3.json': null,
    'entitlements.active_entitlement.fixtures3.json': null,
    'entitlements.feature.fixtures3.json': null,
    'invoice_payment.fixtures3.json': null,
    'event.fixtures3.json': null, // an envelope itself: plan.created, unhandled
  };

  it('accounts for every file', () => {
    expect(
      listFixtures('objects-current-schema')
        .map((f) => f.split('/')[1])
        .sort(),
    ).toEqual(Object.keys(asEvent).sort());
  });

  for (const [file, type] of Object.entries(asEvent)) {
    if (type === null) continue;
    it(`${file} as ${type}`, () => {
      const object = readFixture(`objects-current-schema/${file}`);
      const normalised = normalizeStripeEvent(wrapInEvent(type, object));
      expect(normalised?.record.externalId).toBe(object.id);
      expect(normalised?.orderingKey).toMatchObject({ externalId: object.id, eventCreated: 1_735_689_600 });
    });
  }

  it('the fixture event envelope (plan.created, api_version null) is recognised as unhandled', () => {
    expect(normalizeStripeEvent(readFixture<any>('objects-current-schema/event.fixtures3.json'))).toBeNull();
  });

  it('customer.deleted marks the customer deleted', () => {
    const normalised = normalizeStripeEvent(
      wrapInEvent('customer.deleted', readFixture('objects-current-schema/customer.fixtures3.json')),
    );
    expect(normalised).toMatchObject({
      kind: 'customer',
      record: { deleted: true },
      orderingKey: { objectVersionHint: [1] },
    });
  });

  it('throws a clear error when data.object is missing', () => {
    expect(() => normalizeStripeEvent({ id: 'evt_1', type: 'invoice.paid', created: 1 })).toThrow(
      /event\.data\.object/,
    );
  });
});

// cli-trigger-recipes/ are request scripts, not payloads. Below, each recipe's parameters are
// turned into the basil-shaped events that `stripe trigger` would produce, so the new shapes
// are exercised end to end with values taken from the recipes.
function recipeParams(event: string, step: string): Json {
  const recipe = readFixture<{ fixtures: { name: string; params?: Json }[] }>(`cli-trigger-recipes/${event}.json`);
  const found = recipe.fixtures.find((f) => f.name === step);
  if (!found) throw new Error(`${event}: no step ${step}`);
  return found.params ?? {};
}

const T = 1_743_465_600; // 2025-04-01
const BASIL = '2025-03-31.basil';

function basilInvoice(item: Json, extra: Json): Json {
  return {
    id: 'in_recipe',
    object: 'invoice',
    customer: 'cus_recipe',
    currency: item.currency,
    created: T,
    period_start: T,
    period_end: T,
    subtotal: item.amount,
    total: item.amount,
    total_excluding_tax: item.amount,
    total_taxes: [],
    total_discount_amounts: [],
    total_pretax_credit_amounts: [],
    amount_due: item.amount,
    amount_paid: 0,
    amount_remaining: item.amount,
    parent: null,
    status_transitions: { finalized_at: T + 1, paid_at: null, voided_at: null, marked_uncollectible_at: null },
    lines: {
      object: 'list',
      has_more: false,
      data: [
        {
          id: 'il_recipe',
          object: 'line_item',
          amount: item.amount,
          currency: item.currency,
          description: item.description,
          quantity: 1,
          period: { start: T, end: T },
          parent: {
            type: 'invoice_item_details',
            invoice_item_details: {
              invoice_item: 'ii_recipe',
              proration: false,
              proration_details: { credited_items: null },
              subscription: null,
            },
            subscription_item_details: null,
          },
          pricing: {
            type: 'price_details',
            price_details: { price: 'price_recipe', product: 'prod_recipe' },
            unit_amount_decimal: String(item.amount),
          },
        },
      ],
    },
    ...extra,
  };
}

describe('basil events built from cli-trigger-recipes/', () => {
  it('invoice.created: the recipe does not include pending items, so basil sends an empty $0 draft', () => {
    const params = recipeParams('invoice.created', 'invoice');
    expect(params).not.toHaveProperty('pending_invoice_items_behavior');
    const item = recipeParams('invoice.created', 'invoiceitem');
    const invoice = basilInvoice(item, {
      status: 'draft',
      subtotal: 0,
      total: 0,
      total_excluding_tax: 0,
      amount_due: 0,
      amount_remaining: 0,
      lines: { object: 'list', has_more: false, data: [] },
      status_transitions: {},
    });
    const normalised = normalizeStripeEvent(wrapInEvent('invoice.created', invoice, T, BASIL));
    expect(normalised).toMatchObject({
      kind: 'invoice',
      record: { status: 'draft', total: 0, lines: [], tax: 0, finalizedAt: null },
    });
  });

  it('invoice.finalized: one flat $20.00 line from the pending invoice item', () => {
    expect(recipeParams('invoice.finalized', 'invoice').pending_invoice_items_behavior).toBe('include');
    const item = recipeParams('invoice.finalized', 'invoiceitem');
    const normalised = normalizeStripeEvent(
      wrapInEvent('invoice.finalized', basilInvoice(item, { status: 'open', number: 'RCP-0001' }), T + 1, BASIL),
    );
    expect(normalised?.record).toMatchObject({
      status: 'open',
      currency: 'usd',
      total: 2000,
      amountDue: 2000,
      subscriptionExternalId: null,
      finalizedAt: d(T + 1),
      lines: [
        {
          externalId: 'il_recipe',
          amount: 2000,
          description: '(created by Stripe CLI)',
          priceExternalId: 'price_recipe',
          unitAmountDecimal: '2000',
          proration: false,
          kind: 'flat',
        },
      ],
    });
  });

  it('invoice.payment_failed: invoice, charge and payment intent events describe one attempt', () => {
    const item = recipeParams('invoice.payment_failed', 'invoiceitem');
    expect(recipeParams('invoice.payment_failed', 'invoice_pay')).toEqual({ payment_method: '${payment_method:id}' });
    const invoice = basilInvoice(item, {
      status: 'open',
      attempt_count: 1,
      payments: {
        object: 'list',
        data: [
          {
            object: 'invoice_payment',
            id: 'inpay_recipe',
            is_default: true,
            payment: { type: 'payment_intent', payment_intent: 'pi_recipe' },
          },
        ],
      },
    });
    const decline = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
    const charge = {
      id: 'ch_recipe',
      object: 'charge',
      amount: item.amount,
      currency: item.currency,
      customer: 'cus_recipe',
      payment_intent: 'pi_recipe',
      status: 'failed',
      created: T + 2,
      failure_code: decline.code,
      failure_message: decline.message,
    };
    const intent = {
      id: 'pi_recipe',
      object: 'payment_intent',
      amount: item.amount,
      currency: item.currency,
      customer: 'cus_recipe',
      created: T + 1,
      latest_charge: 'ch_recipe',
      status: 'requires_payment_method',
      last_payment_error: { ...decline, type: 'card_error', charge: 'ch_recipe' },
    };

    const records = [
      normalizeStripeEvent(wrapInEvent('invoice.payment_failed', invoice, T + 2, BASIL)),
      normalizeStripeEvent(wrapInEvent('charge.failed', charge, T + 2, BASIL)),
      normalizeStripeEvent(wrapInEvent('payment_intent.payment_failed', intent, T + 2, BASIL)),
    ].map((n) => (n?.kind === 'payment_failure' ? n.record : null));
    for (const record of records) {
      expect(record).toMatchObject({
        customerExternalId: 'cus_recipe',
        paymentIntentExternalId: 'pi_recipe',
        amount: 2000,
        currency: 'usd',
        attemptedAt: d(T + 2),
      });
    }
    expect(
      records.map((r) => [r?.source, r?.externalId, r?.failureCode, r?.invoiceExternalId, r?.chargeExternalId]),
    ).toEqual([
      ['invoice', 'in_recipe', null, 'in_recipe', null],
      ['charge', 'ch_recipe', 'card_declined', null, 'ch_recipe'],
      // The payment intent carries the bank's specific decline_code, kept over card_declined.
      ['payment_intent', 'pi_recipe', 'generic_decline', null, 'ch_recipe'],
    ]);
  });

  it('customer.subscription.updated: basil period on the item, plan amount from the recipe', () => {
    const plan = recipeParams('customer.subscription.updated', 'plan');
    const metadata = recipeParams('customer.subscription.updated', 'subscription_updated').metadata;
    const price = {
      id: 'price_recipe',
      object: 'price',
      product: 'prod_recipe',
      currency: plan.currency,
      unit_amount: plan.amount,
      unit_amount_decimal: String(plan.amount),
      recurring: { interval: plan.interval, interval_count: 1, meter: null, usage_type: 'licensed' },
    };
    const subscription = {
      id: 'sub_recipe',
      object: 'subscription',
      customer: 'cus_recipe',
      status: 'active',
      created: T,
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      metadata,
      items: {
        object: 'list',
        has_more: false,
        data: [
          {
            id: 'si_recipe',
            object: 'subscription_item',
            price,
            plan: { ...price, object: 'plan', amount: plan.amount },
            quantity: 1,
            current_period_start: T,
            current_period_end: T + 30 * 86400,
          },
        ],
      },
    };
    const event = {
      ...wrapInEvent('customer.subscription.updated', subscription, T + 5, BASIL),
      data: { object: subscription, previous_attributes: { metadata: { foo: null } } },
    };
    expect(normalizeStripeEvent(event)).toMatchObject({
      kind: 'subscription',
      record: {
        currentPeriodStart: d(T),
        currentPeriodEnd: d(T + 30 * 86400),
        planExternalId: 'price_recipe',
        items: [{ unitAmount: 2000, interval: 'month', usageType: 'licensed', quantity: 1 }],
      },
      orderingKey: { eventCreated: T + 5, objectVersionHint: [1, T] },
    });
  });

  it('charge.dispute.created: an inquiry on the $1.00 payment intent', () => {
    const pi = recipeParams('charge.dispute.created', 'payment_intent');
    expect(pi.payment_method).toBe('pm_card_createDisputeInquiry');
    const dispute = {
      id: 'dp_recipe',
      object: 'dispute',
      amount: pi.amount,
      currency: pi.currency,
      charge: 'ch_recipe',
      payment_intent: 'pi_recipe',
      reason: 'general',
      status: 'warning_needs_response',
      created: T,
      evidence_details: { due_by: T + 7 * 86400 },
    };
    expect(normalizeStripeEvent(wrapInEvent('charge.dispute.created', dispute, T, BASIL))?.record).toEqual({
      externalId: 'dp_recipe',
      chargeExternalId: 'ch_recipe',
      customerExternalId: null,
      paymentIntentExternalId: 'pi_recipe',
      amount: 100,
      currency: 'usd',
      reason: 'general',
      status: 'warning_needs_response',
      evidenceDueBy: d(T + 7 * 86400),
      createdAt: d(T),
    });
  });
});
