import { describe, expect, it } from 'vitest';
import { attributeNumbers, checkGrounding } from '@/lib/ai/check-grounding';
import { extractNumbers } from '@/lib/ai/extract-numbers';
import { buildFactSheet } from '@/lib/invoices/build-fact-sheet';
import { sampleFebruaryInvoice, sampleMarchInvoice } from '@/lib/invoices/sample-invoices';
import type { NormalizedInvoiceInput } from '@/lib/schemas/invoice-facts';

const sheet = buildFactSheet(sampleMarchInvoice, sampleFebruaryInvoice);
const sourceOf = (text: string) => attributeNumbers(text, sheet).map((n) => [n.text, n.factId]);

describe('extractNumbers', () => {
  it('finds amounts, percents, dates and quantities with their rounding', () => {
    const tokens = extractNumbers(
      'You owe $1,234.56 (up 12.5%) for 1.2k calls from March 1, 2025 to 2025-03-31, plus 5 cents.',
    );
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['money', '$1,234.56'],
      ['percent', '12.5%'],
      ['number', '1.2k'],
      ['date', 'March 1, 2025'],
      ['date', '2025-03-31'],
      ['money', '5 cents'],
    ]);
    expect(tokens[2]).toMatchObject({ value: 1200, tolerance: 50 });
    expect(tokens[5]).toMatchObject({ cents: true, value: 5 });
  });

  it('skips digits glued to letters and masked identifiers', () => {
    expect(extractNumbers('Runs on S3 and GPT-4o, the 1st line, v2 API')).toEqual([]);
    expect(extractNumbers('Invoice TG-0042 for Team plan (10 seats)', ['TG-0042', 'Team plan (10 seats)'])).toEqual([]);
    // A purely numeric identifier is never masked, so it cannot hide a made-up amount.
    expect(extractNumbers('$10 extra', ['10'])).toHaveLength(1);
  });
});

describe('checkGrounding — numbers that are in the invoice', () => {
  it('accepts formatting equivalences', () => {
    expect(sourceOf('The total is $1,060.40.')).toEqual([['$1,060.40', 'invoice.total']]);
    expect(sourceOf('about $1.06k in total')).toEqual([['$1.06k', 'invoice.total']]);
    expect(sourceOf('USD 1,060.40 or 1060.40 USD')).toEqual([
      ['USD 1,060.40', 'invoice.total'],
      ['1060.40 USD', 'invoice.total'],
    ]);
    expect(sourceOf('1.5M billable calls')).toEqual([['1.5M', 'meter.api_calls.overage_quantity']]);
    expect(sourceOf('1,700,000 calls')).toEqual([['1,700,000', 'meter.api_calls.quantity']]);
    expect(sourceOf('up 72.5%, roughly 72%')).toEqual([
      ['72.5%', 'change.total_percent'],
      ['72%', 'change.total_percent'],
    ]);
    expect(sourceOf('at $0.0006 (0.06 cents) each')).toEqual([
      ['$0.0006', 'meter.api_calls.unit_price'],
      ['0.06 cents', 'meter.api_calls.unit_price'],
    ]);
    expect(sourceOf('a credit of $20.00 and a -$15.00 proration')[1]).toEqual(['-$15.00', 'proration.amount']);
  });

  it('accepts the date forms a reader would use', () => {
    for (const text of [
      'March 1, 2025',
      'Mar 1',
      '2025-03-01',
      '1 March 2025',
      'March 2025',
      '03/01/2025',
      'March 1st',
      'March 16–31, 2025',
      'Mar 16-31',
    ]) {
      const verdict = checkGrounding(`From ${text}.`, sheet);
      expect(verdict.ok, text).toBe(true);
    }
  });

  it('ignores the digits inside line descriptions and the invoice number', () => {
    const s = buildFactSheet({
      ...sampleMarchInvoice,
      lines: sampleMarchInvoice.lines.map((l, i) => (i === 2 ? { ...l, description: 'Team plan (10 seats)' } : l)),
    });
    expect(checkGrounding('Invoice TG-0042: "Team plan (10 seats)" is a fixed fee of $49.00.', s).ok).toBe(true);
  });

  it('checks a whole explanation and reports sections', () => {
    const verdict = checkGrounding(
      {
        summary: 'Your invoice totals $1,060.40.',
        lines: sheet.lines.map((l) => ({
          lineId: l.id,
          explanation: `${l.description}: ${sheet.facts.find((f) => f.id === `line.${l.factKey}.amount`)!.display}.`,
        })),
        changes: ['The total went up by $445.50.'],
      },
      sheet,
    );
    expect(verdict).toMatchObject({ ok: true, unverified: [], issues: [] });
    expect(verdict.numbers.find((n) => n.section === 'changes.0')?.factId).toBe('change.total');
  });
});

describe('checkGrounding — numbers that are not', () => {
  it('rejects made-up amounts, percents, dates and quantities', () => {
    const verdict = checkGrounding(
      'You owe $1,234.56, up 13%, since April 5, 2025, for 1,234 calls, per 3,000 calls, from March 2–31.',
      sheet,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.unverified.map((n) => n.text)).toEqual([
      '$1,234.56',
      '13%',
      'April 5, 2025',
      '1,234',
      '3,000',
      'March 2–31',
    ]);
  });

  it('rejects a right number in the wrong currency and over-rounded forms', () => {
    expect(checkGrounding('€1,060.40', sheet).ok).toBe(false);
    expect(checkGrounding('$1.1k', sheet).ok).toBe(true); // 1,060.40 does round to 1.1k
    expect(checkGrounding('$1.2k', sheet).ok).toBe(false); // but not to 1.2k (±50)
    expect(checkGrounding('3M calls', sheet).ok).toBe(false);
  });

  it('flags unknown, duplicate and missing line ids', () => {
    const verdict = checkGrounding(
      {
        summary: 'Total $1,060.40.',
        lines: [
          { lineId: 'il_nope', explanation: 'x' },
          { lineId: 'il_mar_api', explanation: 'y' },
          { lineId: 'il_mar_api', explanation: 'z' },
        ],
        changes: [],
      },
      sheet,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.unverified).toEqual([]);
    expect(verdict.issues.join(' ')).toMatch(
      /Unknown line id "il_nope".*explained twice.*"il_mar_tokens" is not explained/,
    );
  });

  it('uses the invoice currency: ¥ amounts on a JPY invoice, not $', () => {
    const jpy: NormalizedInvoiceInput = {
      id: 'in_jp',
      number: null,
      currency: 'JPY',
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      lines: [
        {
          id: 'l1',
          kind: 'flat',
          description: 'Plan',
          quantity: 1,
          unitPrice: 4_980,
          amount: 4_980,
          period: { start: '2025-03-01', end: '2025-03-31' },
        },
      ],
      subtotal: 4_980,
      tax: 498,
      total: 5_478,
      amountDue: 5_478,
      status: 'open',
    };
    const s = buildFactSheet(jpy);
    expect(checkGrounding('¥5,478 in total, ¥498 of it tax, 5478 JPY', s).ok).toBe(true);
    expect(checkGrounding('$5,478', s).ok).toBe(false);
    expect(checkGrounding('¥54.78', s).ok).toBe(false);
  });
});
