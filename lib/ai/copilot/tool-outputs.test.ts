import { describe, expect, it } from 'vitest';
import { checkGrounding } from '@/lib/ai/check-grounding';
import { writeBuiltinExplanation } from '@/lib/ai/builtin-writer';
import { buildFactSheet } from '@/lib/invoices/build-fact-sheet';
import { sampleFebruaryInvoice, sampleMarchInvoice } from '@/lib/invoices/sample-invoices';
import type { CustomerApiErrors, CustomerBilling, CustomerPayments } from '@/lib/schemas/support';
import { CopilotFacts } from './copilot-facts';
import { toolsForQuestion } from './builtin-answer';
import { apiErrorsOutput, explanationOutput, paymentsOutput, subscriptionOutput, usageOutput } from './tool-outputs';

// The built-in answer is grounded by construction: every sentence a tool output offers states
// only figures it registered as facts. Checked here over varied data and currencies.

function billing(currency: string, used: number, included: number, price: number): CustomerBilling {
  const overage = Math.max(0, used - included);
  return {
    customerId: 'c1',
    currency,
    plan: { key: 'growth', name: 'Growth 2', basePriceMinor: 19900, interval: 'month' },
    subscriptionStatus: 'active',
    cancelAtPeriodEnd: false,
    periodStart: '2026-03-01T00:00:00.000Z',
    periodEnd: '2026-04-01T00:00:00.000Z',
    meters: [
      {
        meterKey: 'api_calls',
        meterName: 'API calls',
        unit: 'requests',
        used,
        included,
        hardLimit: null,
        utilisation: included ? used / included : null,
        overageQuantity: overage,
        overageUnitPrice: price,
        overagePackageSize: 1,
        overageAmountMinor: Math.round(overage * price),
      },
    ],
    estimatedTotalMinor: 19900 + Math.round(overage * price),
  };
}

const payments: CustomerPayments = {
  customerId: 'c1',
  delinquent: true,
  defaultCard: null,
  attempts: [
    {
      id: 'pa1',
      invoiceId: 'i1',
      invoiceNumber: 'TG-0042',
      amount: 123456,
      currency: 'usd',
      succeeded: false,
      failureCode: 'insufficient_funds',
      failureMessage: 'Declined 3 times by bank 24',
      attemptedAt: '2026-03-04T10:00:00.000Z',
    },
  ],
  unpaidInvoices: [
    {
      id: 'i1',
      number: 'TG-0042',
      status: 'open',
      amountRemaining: 123456,
      currency: 'usd',
      attemptCount: 3,
      nextPaymentAttemptAt: '2026-03-09T00:00:00.000Z',
      dueDate: null,
      dunningStage: 'final_attempt',
    },
  ],
};

const errors: CustomerApiErrors = {
  customerId: 'c1',
  since: '2026-03-01T00:00:00.000Z',
  totalEvents: 12345,
  errorEvents: 321,
  groups: [
    { endpoint: '/v2/items/42', status: 503, count: 300, lastSeenAt: '2026-03-05T00:00:00.000Z' },
    { endpoint: '/v1/charges', status: 429, count: 21, lastSeenAt: '2026-03-06T00:00:00.000Z' },
  ],
};

describe('tool outputs', () => {
  for (const [currency, used, included, price] of [
    ['usd', 1_234_567, 1_000_000, 0.08],
    ['jpy', 98_765.5, 100_000, 3],
    ['eur', 0, 0, 0],
    ['kwd', 5_000_001, 5_000_000, 12.5],
  ] as const) {
    it(`offers only grounded sentences (${currency}, ${used} used)`, () => {
      const f = new CopilotFacts(currency);
      const b = billing(currency, used, included, price);
      const insights = {
        meters: [
          { meterKey: 'api_calls', forecast: { expected: used * 1.37, crossingDate: '2026-03-17T05:00:00.000Z' } },
        ],
      };
      const briefs = [
        ...subscriptionOutput(f, b, { id: 'c1', name: 'Acme 3000 Ltd' }).brief,
        ...usageOutput(f, b, insights as never).brief,
        ...paymentsOutput(f, payments).brief,
        ...apiErrorsOutput(f, errors).brief,
      ];
      const verdict = checkGrounding(briefs.join('\n'), f.sheet());
      expect(verdict.unverified.map((u) => u.text)).toEqual([]);
      expect(verdict.numbers.length).toBeGreaterThan(8);
    });
  }

  it('grounds an invoice explanation against its own fact sheet', () => {
    const f = new CopilotFacts('usd');
    const sheet = buildFactSheet(sampleMarchInvoice, sampleFebruaryInvoice);
    const out = explanationOutput(f, {
      invoiceId: 'inv1',
      number: sheet.identifiers[0] ?? null,
      sheet,
      explanation: writeBuiltinExplanation(sheet),
    });
    expect(checkGrounding(out.brief.join('\n'), f.sheet()).unverified).toEqual([]);
    expect(out.brief[0]).toMatch(/\[S1\]$/);
  });

  it('never grounds a figure from a payment message or another free text', () => {
    const f = new CopilotFacts('usd');
    paymentsOutput(f, payments);
    expect(checkGrounding('The bank declined it 24 times.', f.sheet()).ok).toBe(false);
  });
});

describe('toolsForQuestion', () => {
  it('reads the topics of a question', () => {
    expect(toolsForQuestion('Why is my invoice higher this month?')).toEqual(['explain_invoice', 'get_usage']);
    expect(toolsForQuestion('Why did the card get declined?')).toEqual(['get_payments']);
    expect(toolsForQuestion('They get 503 errors on one endpoint')).toEqual(['get_api_errors']);
    expect(toolsForQuestion('hello')).toEqual(['get_subscription', 'get_usage']);
  });
});
