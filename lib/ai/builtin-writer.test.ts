import { describe, expect, it } from 'vitest';
import { BUILTIN_WRITER_LABEL, writeBuiltinExplanation } from '@/lib/ai/builtin-writer';
import { attributeNumbers, checkGrounding } from '@/lib/ai/check-grounding';
import { buildFactSheet } from '@/lib/invoices/build-fact-sheet';
import {
  generateSampleInvoice,
  sampleFebruaryInvoice,
  sampleMarchInvoice,
  type SampleScenario,
} from '@/lib/invoices/sample-invoices';

const sentences = (text: string) => (text.match(/[.!?](?=\s|$)/g) ?? []).length;

describe('built-in writer', () => {
  it('is labelled as the built-in writer', () => {
    expect(BUILTIN_WRITER_LABEL).toBe('Built-in writer (no AI model configured)');
  });

  it('explains the hand-made pair with every number traced to a fact', () => {
    const sheet = buildFactSheet(sampleMarchInvoice, sampleFebruaryInvoice);
    const ex = writeBuiltinExplanation(sheet);
    expect(ex.summary).toContain('Invoice TG-0042 covers March 1, 2025 to March 31, 2025 and totals $1,060.40.');
    expect(ex.summary).toContain('$445.50 more than the previous invoice, mainly because of higher API calls usage');
    expect(ex.lines.map((l) => l.lineId)).toEqual(sheet.lines.map((l) => l.id));
    expect(ex.lines[0].explanation).toBe(
      'API calls: 1,700,000 used from March 1, 2025 to March 31, 2025; 200,000 were included in the plan and 1,500,000 were billed at $0.0006 each, for $900.00.',
    );
    expect(ex.changes[0]).toBe('The total went up by $445.50 (72.5%), from $614.90 to $1,060.40.');
    expect(ex.changes).toContain('Storage (GB) no longer appears on this invoice, which lowered the total by $20.00.');
    const verdict = checkGrounding(ex, sheet);
    expect(verdict.ok).toBe(true);
    expect(verdict.numbers.length).toBeGreaterThan(30);
    expect(attributeNumbers(ex.changes[0], sheet).map((n) => n.factId)).toEqual([
      'change.total',
      'change.total_percent',
      'prev.total',
      'invoice.total',
    ]);
  });

  it('passes the grounding check by construction on many generated invoices', () => {
    const scenarios: SampleScenario[] = ['mixed', 'zero_usage', 'credits_only', 'proration'];
    const currencies = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'KWD'];
    let checked = 0;
    for (let seed = 1; seed <= 240; seed++) {
      const currency = currencies[seed % currencies.length];
      const current = generateSampleInvoice(seed, {
        currency,
        scenario: scenarios[seed % 4],
        number: seed % 5 === 0 ? null : undefined,
      });
      const previous =
        seed % 3 === 0
          ? null
          : generateSampleInvoice(seed + 1000, {
              currency: seed % 11 === 0 ? ('USD' === currency ? 'EUR' : 'USD') : currency,
              scenario: scenarios[(seed >> 2) % 4],
              periodStart: '2025-02-01',
              periodEnd: '2025-02-28',
              id: `in_prev_${seed}`,
            });
      const sheet = buildFactSheet(current, previous);
      const ex = writeBuiltinExplanation(sheet);
      const verdict = checkGrounding(ex, sheet);
      expect(verdict.unverified, `seed ${seed}: ${JSON.stringify(ex)}`).toEqual([]);
      expect(verdict.issues).toEqual([]);
      expect(sentences(ex.summary), ex.summary).toBeGreaterThanOrEqual(2);
      expect(sentences(ex.summary), ex.summary).toBeLessThanOrEqual(4);
      expect(ex.changes.length).toBeGreaterThan(0);
      expect(writeBuiltinExplanation(sheet)).toEqual(ex);
      checked++;
    }
    expect(checked).toBe(240);
  });

  it('handles a first invoice, zero usage and a credits-only invoice in JPY', () => {
    const zero = buildFactSheet(generateSampleInvoice(3, { currency: 'JPY', scenario: 'zero_usage' }));
    const zeroEx = writeBuiltinExplanation(zero);
    expect(zeroEx.changes).toEqual(['This is the first invoice, so there is nothing to compare it with.']);
    expect(zeroEx.lines.some((l) => /no usage was recorded/.test(l.explanation))).toBe(true);
    expect(checkGrounding(zeroEx, zero).ok).toBe(true);

    const credits = buildFactSheet(generateSampleInvoice(4, { currency: 'JPY', scenario: 'credits_only' }));
    const creditsEx = writeBuiltinExplanation(credits);
    expect(creditsEx.summary).toMatch(/a credit of ¥[\d,]+/);
    expect(checkGrounding(creditsEx, credits).ok).toBe(true);
  });
});
