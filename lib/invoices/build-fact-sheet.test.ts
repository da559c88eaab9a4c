import { describe, expect, it } from 'vitest';
import { buildFactSheet, getFact } from '@/lib/invoices/build-fact-sheet';
import {
  generateSampleInvoice,
  sampleFebruaryInvoice,
  sampleMarchInvoice,
  type SampleScenario,
} from '@/lib/invoices/sample-invoices';
import { factSheetSchema, type NormalizedInvoiceInput } from '@/lib/schemas/invoice-facts';

const driverAmounts = (sheet: ReturnType<typeof buildFactSheet>) =>
  Object.fromEntries((sheet.change?.drivers ?? []).map((d) => [d.id, d.amount]));

describe('buildFactSheet — hand-computed pair (February → March)', () => {
  const sheet = buildFactSheet(sampleMarchInvoice, sampleFebruaryInvoice);

  it('aggregates meters with included and overage quantities', () => {
    const api = sheet.meters.find((m) => m.key === 'api_calls')!;
    expect(api).toMatchObject({
      quantity: 1_700_000,
      includedQuantity: 200_000,
      overageQuantity: 1_500_000,
      unitPrice: 0.06,
      unitPriceIsAverage: false,
      amount: 90_000,
    });
    expect(getFact(sheet, 'meter.api_calls.amount')).toMatchObject({
      unit: 'money',
      value: 90_000,
      currency: 'USD',
      display: '$900.00',
    });
    expect(getFact(sheet, 'meter.api_calls.unit_price')?.display).toBe('$0.0006');
    expect(getFact(sheet, 'meter.api_calls.overage_quantity')).toMatchObject({
      unit: 'quantity',
      value: 1_500_000,
      display: '1,500,000',
    });
  });

  it('reports flat fees, proration, credits, tax, totals and dates', () => {
    expect(sheet.components).toEqual({
      usage: 95_000,
      flatFees: 4_900,
      proration: -1_500,
      credits: -2_000,
      other: 0,
      discounts: 0,
      tax: 9_640,
    });
    expect(getFact(sheet, 'invoice.total')?.display).toBe('$1,060.40');
    expect(getFact(sheet, 'invoice.tax_rate')).toMatchObject({ unit: 'percent', value: 10, display: '10.0%' });
    expect(getFact(sheet, 'line.il_mar_unused.amount')?.display).toBe('-$15.00');
    expect(getFact(sheet, 'line.il_mar_unused.period_start')).toMatchObject({
      unit: 'date',
      value: '2025-03-16',
      display: 'March 16, 2025',
    });
    expect(getFact(sheet, 'invoice.period_end')?.value).toBe('2025-03-31');
    expect(sheet.warnings).toEqual([]);
  });

  it('decomposes the change into drivers that sum exactly to the change in total', () => {
    // Δtotal = 106,040 − 61,490 = 44,550.
    // api_calls: billable 1,000,000 → 1,500,000 at the old 0.05 ¢ = +25,000 volume; Δamount 40,000 → +15,000 price.
    // storage_gb: dropped, 1,000 → 0 at 2 ¢ = −2,000 volume, 0 price. llm_tokens: new, +5,000 volume.
    // proration −1,500; credits −2,000; discounts: −0 − (−1,000) = +1,000; tax 9,640 − 5,590 = +4,050.
    expect(sheet.change?.totalChange).toBe(44_550);
    expect(driverAmounts(sheet)).toEqual({
      'change.meter.api_calls.volume': 25_000,
      'change.meter.api_calls.price': 15_000,
      'change.meter.storage_gb.volume': -2_000,
      'change.meter.llm_tokens.volume': 5_000,
      'change.proration': -1_500,
      'change.credits': -2_000,
      'change.discounts': 1_000,
      'change.tax': 4_050,
    });
    expect(sheet.change!.drivers.reduce((s, d) => s + d.amount, 0)).toBe(44_550);
    expect(getFact(sheet, 'change.total_percent')?.display).toBe('72.5%');
    expect(getFact(sheet, 'change.flat_fees')?.value).toBe(0);
    expect(getFact(sheet, 'prev.meter.storage_gb.amount')?.display).toBe('$20.00');
  });

  it('matches the fact sheet schema', () => {
    expect(factSheetSchema.parse(sheet)).toEqual(sheet);
  });

  it('gives every fact a unique, stable id', () => {
    const ids = sheet.facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(buildFactSheet(sampleMarchInvoice, sampleFebruaryInvoice).facts).toEqual(sheet.facts);
  });
});

describe('buildFactSheet — edge cases', () => {
  it('has no change for a first invoice', () => {
    const sheet = buildFactSheet(sampleMarchInvoice);
    expect(sheet.change).toBeNull();
    expect(sheet.previous).toBeNull();
    expect(sheet.facts.some((f) => f.id.startsWith('change.') || f.id.startsWith('prev.'))).toBe(false);
  });

  it('does not compare invoices in different currencies', () => {
    const sheet = buildFactSheet(sampleMarchInvoice, { ...sampleFebruaryInvoice, currency: 'EUR' });
    expect(sheet.change).toBeNull();
    expect(sheet.warnings.join(' ')).toMatch(/EUR/);
  });

  it('formats zero-decimal currencies (JPY) and fractional unit prices', () => {
    const inv: NormalizedInvoiceInput = {
      id: 'in_jp',
      number: 'JP-7',
      currency: 'jpy',
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      lines: [
        {
          id: 'l1',
          kind: 'usage',
          description: 'API calls',
          meterKey: 'api_calls',
          quantity: 123_456,
          unitPrice: 0.01,
          amount: 1_235,
          period: { start: '2025-03-01', end: '2025-03-31' },
        },
      ],
      subtotal: 1_235,
      tax: 124,
      total: 1_359,
      amountDue: 1_359,
      status: 'open',
    };
    const sheet = buildFactSheet(inv);
    expect(sheet.currencyExponent).toBe(0);
    expect(getFact(sheet, 'invoice.total')?.display).toBe('¥1,359');
    expect(getFact(sheet, 'meter.api_calls.unit_price')?.display).toBe('¥0.01');
  });

  it('puts an inconsistent total into an explicit unexplained driver', () => {
    const broken = { ...sampleMarchInvoice, total: sampleMarchInvoice.total + 7 };
    const sheet = buildFactSheet(broken, sampleFebruaryInvoice);
    expect(sheet.warnings.length).toBeGreaterThan(0);
    expect(driverAmounts(sheet)['change.unexplained']).toBe(7);
    expect(sheet.change!.drivers.reduce((s, d) => s + d.amount, 0)).toBe(sheet.change!.totalChange);
  });

  it('treats an unchanged unit price as pure volume (no rounding crumbs as price effect)', () => {
    const line = (q: number, amount: number) => ({
      id: `l${q}`,
      kind: 'usage' as const,
      description: 'API calls',
      meterKey: 'api_calls',
      quantity: q,
      unitPrice: 0.033,
      amount,
      period: { start: '2025-03-01', end: '2025-03-31' },
    });
    const base = {
      currency: 'USD',
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      number: null,
      status: 'open' as const,
    };
    const prev = { ...base, id: 'a', lines: [line(15, 0)], subtotal: 0, total: 0, amountDue: 0 };
    const cur = { ...base, id: 'b', lines: [line(45, 1)], subtotal: 1, total: 1, amountDue: 1 };
    expect(driverAmounts(buildFactSheet(cur, prev))).toEqual({ 'change.meter.api_calls.volume': 1 });
  });

  it('sums drivers exactly to the change for many generated invoice pairs', () => {
    const scenarios: SampleScenario[] = ['mixed', 'zero_usage', 'credits_only', 'proration'];
    for (let seed = 1; seed <= 200; seed++) {
      const currency = ['USD', 'EUR', 'JPY', 'KWD'][seed % 4];
      const prev = generateSampleInvoice(seed * 7, {
        currency,
        scenario: scenarios[seed % 4],
        periodStart: '2025-02-01',
        periodEnd: '2025-02-28',
      });
      const cur = generateSampleInvoice(seed * 7 + 1, { currency, scenario: scenarios[(seed + 1) % 4] });
      const sheet = buildFactSheet(cur, prev);
      const sum = sheet.change!.drivers.reduce((s, d) => s + d.amount, 0);
      expect(sheet.change!.drivers.every((d) => Number.isInteger(d.amount))).toBe(true);
      expect(sum).toBe(sheet.totals.total - sheet.previous!.totals.total);
      expect(sheet.warnings).toEqual([]);
    }
  });
});
