import { readFixture } from '../fixtures/stripe-fixture-files';
import type { FakeStripeCatalog } from '../fixtures/fake-stripe-catalog';
import type { StripeJson } from '../fixtures/fake-stripe-server';
import { cardPaymentMethod } from '../fixtures/stripe-payment-method';

// A small but complete Stripe account for import tests, built from the shared current-schema
// fixtures (real field sets) with our own ids: two products, licensed / metered-tiered / per-unit /
// one-time prices, a billing meter, customers with subscriptions, invoices with lines, charges, a
// credit note and a dispute; each customer has a default card, the first also a spare card and a
// SEPA debit (not a card: never stored). `customers` > page size exercises pagination.

const fixture = (name: string) => readFixture<StripeJson>(`objects-current-schema/${name}.fixtures3.json`);
const DAY = 86_400;

export interface AccountIds {
  meter: string;
  proBase: string;
  proMetered: string;
  starter: string;
  customers: string[];
  subscriptions: string[];
  invoices: string[];
}

function price(id: string, product: string, fields: StripeJson): StripeJson {
  return {
    id,
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: 1_700_000_000,
    currency: 'usd',
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product,
    recurring: { interval: 'month', interval_count: 1, meter: null, usage_type: 'licensed', trial_period_days: null },
    tax_behavior: 'unspecified',
    tiers_mode: null,
    type: 'recurring',
    unit_amount: null,
    unit_amount_decimal: null,
    ...fields,
  };
}

export function buildStripeAccount(fake: FakeStripeCatalog, tag: string, nowSec: number, customers = 23): AccountIds {
  const ids: AccountIds = {
    meter: `mtr_api${tag}`,
    proBase: `price_pro${tag}`,
    proMetered: `price_proapi${tag}`,
    starter: `price_starter${tag}`,
    customers: [],
    subscriptions: [],
    invoices: [],
  };
  fake.put({
    id: `prod_pro${tag}`,
    object: 'product',
    name: `Pro ${tag}`,
    active: true,
    metadata: {},
    created: 1_700_000_000,
  });
  fake.put({
    id: `prod_starter${tag}`,
    object: 'product',
    name: `Starter ${tag}`,
    active: true,
    metadata: {},
    created: 1_700_000_000,
  });
  fake.put({
    ...fixture('billing.meter'),
    id: ids.meter,
    event_name: `api_requests_${tag}`,
    display_name: 'API requests',
  });
  fake.put(price(ids.proBase, `prod_pro${tag}`, { unit_amount: 4900, unit_amount_decimal: '4900' }));
  fake.put(
    price(ids.proMetered, `prod_pro${tag}`, {
      billing_scheme: 'tiered',
      tiers_mode: 'graduated',
      recurring: {
        interval: 'month',
        interval_count: 1,
        meter: ids.meter,
        usage_type: 'metered',
        trial_period_days: null,
      },
      tiers: [
        { up_to: 10000, unit_amount: 0, unit_amount_decimal: '0', flat_amount: null, flat_amount_decimal: null },
        { up_to: null, unit_amount: null, unit_amount_decimal: '0.2', flat_amount: null, flat_amount_decimal: null },
      ],
    }),
  );
  fake.put(price(ids.starter, `prod_starter${tag}`, { unit_amount: 1900, unit_amount_decimal: '1900' }));
  fake.put(price(`price_setup${tag}`, `prod_pro${tag}`, { type: 'one_time', recurring: null, unit_amount: 10000 }));

  const subscriptionBase = fixture('subscription');
  const itemBase = (subscriptionBase.items as { data: StripeJson[] }).data[0]!;
  const invoiceBase = fixture('invoice');
  const lineBase = (invoiceBase.lines as { data: StripeJson[] }).data[0]!;
  for (let i = 0; i < customers; i += 1) {
    const cus = `cus_${tag}n${i}`;
    const sub = `sub_${tag}n${i}`;
    const created = nowSec - (i + 1) * DAY;
    ids.customers.push(cus);
    ids.subscriptions.push(sub);
    const pm = `pm_${tag}n${i}`;
    fake.put({
      ...fixture('customer'),
      id: cus,
      name: `Customer ${i} ${tag}`,
      email: `c${i}@${tag}.test`,
      created,
      invoice_settings: { ...(fixture('customer').invoice_settings as StripeJson), default_payment_method: pm },
    });
    fake.put(cardPaymentMethod(pm, cus, { last4: String(1000 + i), exp_month: (i % 12) + 1, exp_year: 2028 }, created));
    if (i === 0) {
      fake.put(
        cardPaymentMethod(`pm_${tag}spare`, cus, { brand: 'amex', last4: '0005', exp_month: 4, exp_year: 2029 }),
      );
      const { card: _card, ...sepa } = cardPaymentMethod(`pm_${tag}sepa`, cus, { exp_month: 1, exp_year: 2030 });
      fake.put({ ...sepa, type: 'sepa_debit', sepa_debit: { country: 'DE', last4: '3000' } });
    }
    const pro = i % 2 === 0;
    const items = [
      {
        ...itemBase,
        id: `si_${tag}n${i}`,
        subscription: sub,
        price: {
          ...(itemBase.price as StripeJson),
          id: pro ? ids.proBase : ids.starter,
          product: pro ? `prod_pro${tag}` : `prod_starter${tag}`,
        },
        current_period_start: nowSec - 10 * DAY,
        current_period_end: nowSec + 20 * DAY,
      },
    ];
    fake.put({
      ...subscriptionBase,
      id: sub,
      customer: cus,
      status: 'active',
      created,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      cancel_at_period_end: false,
      items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${sub}` },
    });
    const inv = `in_${tag}n${i}`;
    ids.invoices.push(inv);
    const amount = pro ? 4900 : 1900;
    fake.put({
      ...invoiceBase,
      id: inv,
      customer: cus,
      subscription: null,
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: sub, metadata: {} },
        quote_details: null,
      },
      status: 'paid',
      created,
      period_start: created,
      period_end: created + 30 * DAY,
      number: `INV-${tag}-${i}`,
      subtotal: amount,
      total: amount,
      amount_due: amount,
      amount_paid: amount,
      amount_remaining: 0,
      attempt_count: 1,
      lines: {
        object: 'list',
        has_more: false,
        url: `/v1/invoices/${inv}/lines`,
        data: [
          {
            ...lineBase,
            id: `il_${tag}n${i}`,
            invoice: inv,
            amount,
            subtotal: amount,
            description: pro ? 'Pro' : 'Starter',
          },
        ],
      },
    });
    fake.put({
      ...fixture('charge'),
      id: `ch_${tag}n${i}`,
      customer: cus,
      amount,
      status: 'succeeded',
      paid: true,
      created,
      payment_intent: `pi_${tag}n${i}`,
    });
  }
  fake.put({
    id: `cn_${tag}`,
    object: 'credit_note',
    amount: 500,
    total: 500,
    currency: 'usd',
    customer: ids.customers[0],
    invoice: ids.invoices[0],
    number: `CN-${tag}`,
    reason: 'product_unsatisfactory',
    status: 'issued',
    created: nowSec - DAY,
    livemode: false,
  });
  fake.put({
    ...fixture('dispute'),
    id: `dp_${tag}`,
    charge: `ch_${tag}n1`,
    created: nowSec - DAY,
    status: 'needs_response',
  });
  return ids;
}
