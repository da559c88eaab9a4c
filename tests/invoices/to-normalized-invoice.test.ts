import { describe, expect, it } from 'vitest';
import { writeBuiltinExplanation } from '@/lib/ai/builtin-writer';
import { buildFactSheet, getFact } from '@/lib/invoices/build-fact-sheet';
import { generateSampleInvoice } from '@/lib/invoices/sample-invoices';
import { normalizedInvoiceSchema } from '@/lib/schemas/invoice-facts';
import type { InvoiceRow, InvoiceRowLine } from '@/lib/server/invoices/invoice-row';
import {
  CREDITS_APPLIED_LINE_ID,
  toNormalizedInvoice,
  UNITEMISED_LINE_ID,
} from '@/lib/server/invoices/to-normalized-invoice';
import { expectEveryNumberSourced } from './grounding-assertions';

// The DB → normalised mapping on invoices the team has not seen: it must never throw, always
// satisfy normalizedInvoiceSchema, and give a fact sheet the built-in writer explains with every
// number traced to a fact.

const day = (s: string) => new Date(`${s}T00:00:00Z`);
let seq = 0;
function line(over: Partial<InvoiceRowLine>): InvoiceRowLine {
  seq++;
  return {
    id: `il_${seq}`,
    kind: 'flat',
    description: 'Pro plan',
    quantity: 1,
    includedQuantity: null,
    unitAmountDecimal: null,
    amount: 0,
    proration: false,
    periodStart: day('2026-03-01'),
    periodEnd: day('2026-04-01'),
    position: seq,
    meter: null,
    ...over,
  };
}
function invoice(over: Partial<InvoiceRow>): InvoiceRow {
  return {
    id: `inv_${seq++}`,
    customerId: 'cus_x',
    number: 'TG-100',
    status: 'open',
    currency: 'usd',
    periodStart: day('2026-03-01'),
    periodEnd: day('2026-04-01'),
    subtotal: 0,
    discountTotal: 0,
    creditTotal: 0,
    tax: 0,
    total: 0,
    amountDue: 0,
    amountPaid: 0,
    lines: [],
    planLimits: [],
    ...over,
  };
}
function explain(row: InvoiceRow, previous?: InvoiceRow) {
  const { invoice: cur, notes } = toNormalizedInvoice(row);
  expect(() => normalizedInvoiceSchema.parse(cur)).not.toThrow();
  const sheet = buildFactSheet(cur, previous ? toNormalizedInvoice(previous).invoice : null);
  const ex = writeBuiltinExplanation(sheet);
  const sources = expectEveryNumberSourced(sheet, ex, row.id);
  return { cur, notes, sheet, ex, sources };
}

describe('toNormalizedInvoice', () => {
  it('maps meters, plan fallbacks, discounts and tax; every number has a source', () => {
    const api = line({
      kind: 'usage',
      description: 'API calls',
      meter: { key: 'api_calls', name: 'API calls' },
      quantity: '1200000.000000000',
      amount: 16000,
    });
    const row = invoice({
      lines: [
        line({ amount: 4900, unitAmountDecimal: '4900' }),
        api,
        line({ kind: 'discount', description: 'Discount (10% off)', quantity: null, amount: -2090 }),
        line({ kind: 'tax', description: 'VAT (20%)', quantity: null, amount: 3762 }),
      ],
      subtotal: 20900,
      discountTotal: 2090,
      tax: 3762,
      total: 22572,
      amountDue: 22572,
      planLimits: [
        { meterKey: 'api_calls', includedQuantity: '1000000', overageUnitPrice: '0.08', overagePackageSize: 1 },
      ],
    });
    const { cur, notes, sheet, sources } = explain(row);
    expect(cur.lines.find((l) => l.kind === 'usage')).toMatchObject({
      meterKey: 'api_calls',
      meterName: 'API calls',
      quantity: 1_200_000,
      includedQuantity: 1_000_000,
      unitPrice: 0.08,
    });
    expect(notes).toEqual([
      `Line ${api.id}: unit price taken from the plan.`,
      `Line ${api.id}: included quantity taken from the plan.`,
    ]);
    expect(getFact(sheet, 'meter.api_calls.overage_quantity')?.display).toBe('200,000');
    expect(sheet.warnings).toEqual([]);
    expect(sources).toContainEqual(['$160.00', 'usage.amount']);
    expect(sources).toContainEqual(['$0.0008', 'meter.api_calls.unit_price']);
    expect(sources).toContainEqual(['200,000', 'meter.api_calls.overage_quantity']);
  });

  it('does not apply the plan allowance to a line that bills every unit', () => {
    const api = line({
      kind: 'usage',
      description: 'API calls',
      meter: { key: 'api_calls', name: 'API calls' },
      quantity: 5000,
      unitAmountDecimal: '2',
      amount: 10000,
    });
    const { cur } = explain(
      invoice({
        lines: [api],
        subtotal: 10000,
        total: 10000,
        amountDue: 10000,
        planLimits: [{ meterKey: 'api_calls', includedQuantity: 1000, overageUnitPrice: 2, overagePackageSize: 1 }],
      }),
    );
    expect(cur.lines[0].includedQuantity).toBe(0);
  });

  it('explains an invoice with zero lines and a zero total', () => {
    const { cur, ex } = explain(invoice({ lines: [] }));
    expect(cur.lines).toEqual([]);
    expect(ex.summary).toContain('Nothing was charged for this period.');
  });

  it('shows a subtotal without lines as charges not itemised', () => {
    const { cur, notes, sheet } = explain(invoice({ lines: [], subtotal: 1500, total: 1500, amountDue: 1500 }));
    expect(cur.lines).toEqual([expect.objectContaining({ id: UNITEMISED_LINE_ID, kind: 'other', amount: 1500 })]);
    expect(notes[0]).toMatch(/not itemised/);
    expect(sheet.warnings).toEqual([]);
  });

  it('explains a credits-only invoice, with positive-stored credits flipped', () => {
    const { cur, ex, notes } = explain(
      invoice({
        lines: [
          line({ kind: 'credit', description: 'Service credit', amount: 2500 }),
          line({ kind: 'credit', description: 'Goodwill credit', amount: -1000 }),
        ],
        subtotal: -3500,
        total: -3500,
        amountDue: 0,
      }),
    );
    expect(cur.lines.map((l) => l.amount)).toEqual([-2500, -1000]);
    expect(notes[0]).toMatch(/positive amount/);
    expect(ex.lines[0].explanation).toBe('Service credit: a credit of $25.00 that lowers the invoice total.');
  });

  it('handles negative quantities and lines, unknown meters and missing descriptions', () => {
    const rows = [
      line({
        kind: 'usage',
        description: 'Unknown meter usage',
        meter: null,
        quantity: 300,
        unitAmountDecimal: '5',
        amount: 1500,
      }),
      line({
        kind: 'usage',
        description: '',
        meter: { key: 'mtr_1Nx0', name: 'mtr_1Nx0' },
        quantity: -40,
        amount: -200,
      }),
      line({
        kind: 'proration',
        description: 'Unused time on Pro',
        quantity: -1,
        unitAmountDecimal: '-1200',
        amount: -1200,
        proration: true,
      }),
      line({ kind: 'other', description: '   ', quantity: null, amount: -50 }),
    ];
    const { cur, notes } = explain(invoice({ lines: rows, subtotal: 50, total: 50, amountDue: 50 }));
    expect(cur.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      [300, 5, 1500],
      [0, null, -200],
      [1, 1200, -1200],
      [0, null, -50],
    ]);
    expect(notes.filter((n) => /negative quantity/.test(n))).toHaveLength(2);
  });

  it('formats JPY without decimals and compares with the previous invoice', () => {
    const mk = (id: string, qty: number, start: string) =>
      invoice({
        id,
        currency: 'jpy',
        periodStart: day(start),
        lines: [
          line({
            kind: 'usage',
            description: 'API calls',
            meter: { key: 'api_calls', name: 'API calls' },
            quantity: qty,
            unitAmountDecimal: '0.15',
            amount: Math.round(qty * 0.15),
            periodStart: day(start),
          }),
        ],
        subtotal: Math.round(qty * 0.15),
        total: Math.round(qty * 0.15),
        amountDue: Math.round(qty * 0.15),
      });
    const { sheet, sources } = explain(mk('in_jp_2', 120_000, '2026-03-01'), mk('in_jp_1', 100_000, '2026-02-01'));
    expect(getFact(sheet, 'invoice.total')?.display).toBe('¥18,000');
    expect(sheet.change?.totalChange).toBe(3000);
    expect(sources).toContainEqual(['¥3,000', 'change.total']);
  });

  it('turns credits applied below the lines into a credit line, and reports any other gap', () => {
    const { cur, sheet } = explain(
      invoice({ lines: [line({ amount: 5000 })], subtotal: 5000, creditTotal: 1000, total: 4000, amountDue: 4000 }),
    );
    expect(cur.lines.at(-1)).toMatchObject({ id: CREDITS_APPLIED_LINE_ID, kind: 'credit', amount: -1000 });
    expect(cur.subtotal).toBe(4000);
    expect(sheet.warnings).toEqual([]);
    const odd = explain(invoice({ lines: [line({ amount: 5000 })], subtotal: 5000, total: 4700, amountDue: 4700 }));
    expect(odd.notes.at(-1)).toMatch(/unexplained/);
    expect(odd.sheet.warnings.length).toBeGreaterThan(0);
  });

  it('survives duplicate line ids, bad currencies and invalid dates', () => {
    const a = line({ id: 'dup', amount: 100 });
    const b = line({ id: 'dup', amount: 200, periodStart: new Date('nope'), periodEnd: null });
    const { cur } = explain(
      invoice({ currency: 'US Dollar', lines: [a, b], subtotal: 300, total: 300, amountDue: 300 }),
    );
    expect(cur.currency).toBe('XXX');
    expect(cur.lines.map((l) => l.id)).toEqual(['dup', 'dup_2']);
    expect(cur.lines[1].period).toEqual({ start: '2026-03-01', end: '2026-04-01' });
  });
});

describe('toNormalizedInvoice on many generated and perturbed invoices', () => {
  const toRow = (inv: ReturnType<typeof generateSampleInvoice>, perturb: number): InvoiceRow => {
    const lines: InvoiceRowLine[] = inv.lines.map((l, i) => ({
      id: perturb === 1 && i > 0 ? inv.lines[0].id : l.id,
      kind: l.kind,
      description: perturb === 2 ? '' : l.description,
      quantity: perturb === 3 ? -(l.quantity ?? 1) : l.quantity,
      includedQuantity: l.includedQuantity ?? null,
      unitAmountDecimal: l.unitPrice ?? null,
      amount: perturb === 4 && l.kind === 'credit' ? -l.amount : l.amount,
      proration: l.proration ?? false,
      periodStart: day(l.period.start),
      periodEnd: day(l.period.end),
      position: i,
      meter: l.meterKey && perturb !== 5 ? { key: l.meterKey, name: l.meterName ?? l.meterKey } : null,
    }));
    return {
      id: inv.id,
      customerId: 'cus_fuzz',
      number: inv.number,
      status: inv.status ?? 'open',
      currency: inv.currency,
      periodStart: day(inv.periodStart),
      periodEnd: day(inv.periodEnd),
      subtotal: inv.subtotal,
      discountTotal: inv.discounts ?? 0,
      creditTotal: perturb === 6 ? 700 : 0,
      tax: inv.tax ?? 0,
      total: inv.total - (perturb === 6 ? 700 : 0),
      amountDue: inv.amountDue,
      amountPaid: inv.amountPaid ?? 0,
      lines: perturb === 7 ? lines.slice(0, 1) : lines,
      planLimits: [],
    };
  };

  it('always yields a schema-valid invoice whose built-in explanation is fully grounded', () => {
    const scenarios = ['mixed', 'zero_usage', 'credits_only', 'proration'] as const;
    const currencies = ['USD', 'EUR', 'JPY', 'KWD', 'GBP'];
    for (let seed = 1; seed <= 160; seed++) {
      const opts = { currency: currencies[seed % currencies.length], scenario: scenarios[seed % 4] };
      const cur = toRow(generateSampleInvoice(seed, opts), seed % 8);
      const prev = toRow(
        generateSampleInvoice(seed + 5000, {
          ...opts,
          id: `in_prev_${seed}`,
          periodStart: '2025-02-01',
          periodEnd: '2025-02-28',
        }),
        (seed >> 3) % 8,
      );
      const { invoice, notes } = toNormalizedInvoice(cur);
      expect(() => normalizedInvoiceSchema.parse(invoice)).not.toThrow();
      const sheet = buildFactSheet(invoice, toNormalizedInvoice(prev).invoice);
      expectEveryNumberSourced(sheet, writeBuiltinExplanation(sheet), `seed ${seed} (${notes.join(' | ')})`);
    }
  });
});
