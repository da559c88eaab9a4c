import { describe, expect, it } from 'vitest';
import { classifyInvoiceLine } from './normalize-invoice-line';
import { normalizeInvoice } from './normalize-invoice';
import { readFixture } from '@/tests/fixtures/stripe-fixture-files';

type Json = Record<string, any>;
const d = (seconds: number) => new Date(seconds * 1000);
const eventObject = (name: string) => readFixture<Json>(`events/${name}.stripe-ruby-mock.json`).data.object as Json;
const current = () => readFixture<Json>('objects-current-schema/invoice.fixtures3.json');

/** A 2020 invoice rewritten the way basil (2025-03-31) sends it. */
function toBasil(invoice: Json): Json {
  const {
    subscription,
    tax: _t,
    total_tax_amounts,
    paid: _p,
    charge: _c,
    payment_intent: _pi,
    discount: _d,
    ...rest
  } = invoice;
  return {
    ...rest,
    total_taxes: total_tax_amounts,
    parent: subscription
      ? { type: 'subscription_details', quote_details: null, subscription_details: { subscription, metadata: {} } }
      : null,
    lines: {
      ...rest.lines,
      data: rest.lines.data.map((line: Json) => {
        const {
          price,
          plan: _plan,
          proration,
          proration_details,
          subscription: lineSub,
          subscription_item,
          invoice_item,
          type,
          ...l
        } = line;
        const parent =
          type === 'subscription'
            ? {
                type: 'subscription_item_details',
                invoice_item_details: null,
                subscription_item_details: {
                  invoice_item: null,
                  proration,
                  proration_details,
                  subscription: lineSub,
                  subscription_item,
                },
              }
            : {
                type: 'invoice_item_details',
                subscription_item_details: null,
                invoice_item_details: { invoice_item, proration, proration_details, subscription: lineSub },
              };
        return {
          ...l,
          parent,
          pricing: {
            type: 'price_details',
            price_details: { price: price.id, product: price.product },
            unit_amount_decimal: price.unit_amount_decimal,
          },
        };
      }),
    },
  };
}

describe('normalizeInvoice — 2020-08-27 fixtures', () => {
  it('invoice.created: draft subscription invoice with one flat subscription line', () => {
    expect(normalizeInvoice(eventObject('invoice.created'))).toEqual({
      externalId: 'in_000000000000000000000000',
      number: null,
      customerExternalId: 'cus_00000000000000',
      subscriptionExternalId: 'sub_000000000000000000000000',
      status: 'draft',
      currency: 'usd',
      periodStart: d(1648320110),
      periodEnd: d(1648320110),
      subtotal: 1500,
      tax: 0,
      total: 1500,
      amountDue: 1500,
      amountPaid: 0,
      amountRemaining: 1500,
      attemptCount: 0,
      nextPaymentAttempt: d(1648323710),
      dueDate: null,
      hostedInvoiceUrl: null,
      createdAt: d(1648320110),
      finalizedAt: null,
      paidAt: null,
      lines: [
        {
          externalId: 'il_000000000000000000000000',
          description: '1 × myproduct (at $15.00 / month)',
          amount: 1500,
          currency: 'usd',
          quantity: 1,
          unitAmountDecimal: '1500',
          priceExternalId: 'price_000000000000000000000000',
          meterExternalId: null,
          periodStart: d(1648320110),
          periodEnd: d(1650998510),
          proration: false,
          kind: 'flat',
        },
      ],
      linesTruncated: false,
      discountAmount: 0,
      creditAmount: 0,
    });
  });

  for (const name of ['invoice.finalized', 'invoice.paid', 'invoice.payment_succeeded']) {
    it(`${name}: paid one-off invoice EE1DF78D-0001`, () => {
      const record = normalizeInvoice(eventObject(name));
      expect(record).toMatchObject({
        externalId: 'in_000000000000000000000000',
        number: 'EE1DF78D-0001',
        customerExternalId: 'cus_00000000000000',
        subscriptionExternalId: null,
        status: 'paid',
        total: 2000,
        amountDue: 2000,
        amountPaid: 2000,
        amountRemaining: 0,
        attemptCount: 1,
        createdAt: d(1648320012),
        finalizedAt: d(1648320013),
        paidAt: d(1648320013),
      });
      expect(record.hostedInvoiceUrl).toMatch(/^https:\/\/invoice\.stripe\.com\//);
      expect(record.lines).toEqual([
        expect.objectContaining({
          externalId: 'il_000000000000000000000000',
          amount: 2000,
          priceExternalId: 'price_000000000000000000000000',
          periodStart: d(1648320011),
          periodEnd: d(1648320011),
          proration: false,
          kind: 'flat',
        }),
      ]);
    });
  }

  it('invoice.payment_failed: open invoice C93E45D7-0001 after one attempt', () => {
    expect(normalizeInvoice(eventObject('invoice.payment_failed'))).toMatchObject({
      number: 'C93E45D7-0001',
      status: 'open',
      amountDue: 2000,
      amountPaid: 0,
      amountRemaining: 2000,
      attemptCount: 1,
      finalizedAt: d(1648320008),
      paidAt: null,
      lines: [expect.objectContaining({ amount: 2000, kind: 'flat', periodStart: d(1648320006) })],
    });
  });

  for (const name of ['invoice.created', 'invoice.finalized', 'invoice.paid', 'invoice.payment_failed']) {
    it(`${name}: the same invoice in basil shape normalises identically`, () => {
      const old = eventObject(name);
      expect(normalizeInvoice(toBasil(old))).toEqual(normalizeInvoice(old));
    });
  }
});

describe('normalizeInvoice — current-schema (basil+) fixture', () => {
  it('reads subscription from parent.subscription_details and proration from the line parent', () => {
    const record = normalizeInvoice(current());
    expect(record).toMatchObject({
      externalId: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I',
      number: null,
      customerExternalId: 'cus_QXg1o8vcGmoR32',
      // top-level `subscription` is null in this fixture; the basil location holds the id.
      subscriptionExternalId: 'subscription',
      status: 'draft',
      currency: 'usd',
      subtotal: 1000,
      total: 1000,
      tax: 0, // total_taxes is null → total − total_excluding_tax
      amountDue: 1000,
      amountRemaining: 1000,
      dueDate: d(1234567890),
      nextPaymentAttempt: d(1234567890),
      createdAt: d(1234567890),
      finalizedAt: null,
      discountAmount: 0,
      creditAmount: 0,
      linesTruncated: false,
    });
    expect(record.lines).toEqual([
      {
        externalId: 'il_1Pgc6sB7WZ01zgkWFnxLrLCq',
        description: 'My First Invoice Item (created for API docs)',
        amount: 1000,
        currency: 'usd',
        quantity: 1,
        unitAmountDecimal: null,
        priceExternalId: null, // pricing has no price_details in this fixture
        meterExternalId: null,
        periodStart: d(1721954054),
        periodEnd: d(1721954054),
        proration: true,
        kind: 'proration',
      },
    ]);
  });

  it('sums total_taxes, discounts, credit notes, credit grants and consumed balance', () => {
    const record = normalizeInvoice({
      ...current(),
      total_taxes: [{ amount: 120 }, { amount: 30 }],
      total_discount_amounts: [{ amount: 200, discount: 'di_1' }],
      pre_payment_credit_notes_amount: 50,
      post_payment_credit_notes_amount: 25,
      total_pretax_credit_amounts: [
        { amount: 200, type: 'discount' },
        { amount: 300, type: 'credit_balance_transaction' },
      ],
      starting_balance: -400,
      ending_balance: 0,
    });
    expect(record).toMatchObject({ tax: 150, discountAmount: 200, creditAmount: 50 + 25 + 300 + 400 });
  });

  it('classifies expanded metered prices as usage and negative lines as credit; flags truncated lists', () => {
    const inv = current();
    const base = inv.lines.data[0];
    const usage = {
      ...base,
      id: 'il_usage',
      amount: 4200,
      parent: {
        type: 'subscription_item_details',
        invoice_item_details: null,
        subscription_item_details: {
          proration: false,
          subscription: 'sub_1',
          subscription_item: 'si_1',
          invoice_item: null,
        },
      },
      pricing: {
        type: 'price_details',
        unit_amount_decimal: '0.042',
        price_details: {
          product: 'prod_api',
          price: { id: 'price_api', object: 'price', recurring: { usage_type: 'metered', meter: 'mtr_1' } },
        },
      },
    };
    const credit = {
      ...base,
      id: 'il_credit',
      amount: -500,
      parent: null,
      pricing: {
        type: 'price_details',
        price_details: { price: 'price_x', product: 'prod_x' },
        unit_amount_decimal: '-500',
      },
    };
    const record = normalizeInvoice({ ...inv, lines: { ...inv.lines, has_more: true, data: [usage, credit] } });
    expect(
      record.lines.map((l) => [l.externalId, l.kind, l.priceExternalId, l.meterExternalId, l.unitAmountDecimal]),
    ).toEqual([
      ['il_usage', 'usage', 'price_api', 'mtr_1', '0.042'],
      ['il_credit', 'credit', 'price_x', null, '-500'],
    ]);
    expect(record.linesTruncated).toBe(true);
  });

  it('tolerates a bare invoice and throws with the path for missing ids', () => {
    expect(normalizeInvoice({ id: 'in_min', object: 'invoice', customer: 'cus_1' })).toMatchObject({
      lines: [],
      tax: null,
      discountAmount: null,
      creditAmount: null,
      subscriptionExternalId: null,
      createdAt: null,
    });
    expect(() => normalizeInvoice({ id: 'in_min', object: 'invoice' })).toThrow(/invoice\.customer/);
    expect(() => normalizeInvoice({ object: 'invoice', customer: 'cus_1' })).toThrow(/invoice\.id/);
    const inv = current();
    expect(() => normalizeInvoice({ ...inv, lines: { data: [{ amount: 1 }] } })).toThrow(
      /invoice\.lines\.data\[0\]\.id/,
    );
  });
});

describe('classifyInvoiceLine', () => {
  const base = { proration: false, amount: 100, usageType: null, meterExternalId: null, priceExternalId: 'price_1' };
  it('applies the rules in order', () => {
    expect(classifyInvoiceLine({ ...base, proration: true, amount: -100 })).toBe('proration');
    expect(classifyInvoiceLine({ ...base, amount: -1 })).toBe('credit');
    expect(classifyInvoiceLine({ ...base, usageType: 'metered' })).toBe('usage');
    expect(classifyInvoiceLine({ ...base, meterExternalId: 'mtr_1' })).toBe('usage');
    expect(classifyInvoiceLine(base)).toBe('flat');
    expect(classifyInvoiceLine({ ...base, priceExternalId: null })).toBe('other');
  });
});
