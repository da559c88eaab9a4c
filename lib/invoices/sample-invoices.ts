import { createRng } from '@/lib/prng';
import type { InvoiceLineInput, NormalizedInvoiceInput } from '@/lib/schemas/invoice-facts';

// Deterministic sample invoices for tests, seeds and demos: a seeded generator that always
// produces internally consistent invoices (subtotal, discounts, tax and total agree) across
// currencies and edge cases (zero usage, credits only, prorations, fractional unit prices).

export function seededRandom(seed: number): () => number {
  return createRng(seed >>> 0 || 1).next;
}

export type SampleScenario = 'mixed' | 'zero_usage' | 'credits_only' | 'proration';

export interface SampleInvoiceOptions {
  id?: string;
  number?: string | null;
  currency?: string;
  periodStart?: string;
  periodEnd?: string;
  scenario?: SampleScenario;
  status?: NormalizedInvoiceInput['status'];
}

const METERS = [
  { key: 'api_calls', name: 'API calls', unitPrices: [0.05, 0.04, 0.1], maxQty: 5_000_000, fractional: false },
  { key: 'storage_gb_hours', name: 'Storage (GB-hours)', unitPrices: [2, 3], maxQty: 20_000, fractional: true },
  {
    key: 'llm_tokens',
    name: 'LLM tokens (GPT-4o)',
    unitPrices: [0.0015, 0.002],
    maxQty: 40_000_000,
    fractional: false,
  },
  { key: 'seats', name: 'Active seats', unitPrices: [1500, 2000], maxQty: 60, fractional: false },
];

/** Scales a USD-like price (in cents) to the currency's minor unit. */
function priceFor(currency: string, cents: number): number {
  const c = currency.toUpperCase();
  if (c === 'JPY' || c === 'KRW') return cents * 1.5; // ~¥1.5 per US cent
  if (c === 'KWD') return cents * 3; // fils
  return cents;
}

/** Builds one consistent invoice from `lines`, with discount and tax rate applied. */
export function assembleInvoice(
  lines: InvoiceLineInput[],
  opts: Required<Pick<SampleInvoiceOptions, 'id' | 'currency' | 'periodStart' | 'periodEnd' | 'status'>> & {
    number: string | null;
    discounts?: number;
    taxRate?: number;
  },
): NormalizedInvoiceInput {
  const subtotal = lines.filter((l) => l.kind !== 'tax' && l.kind !== 'discount').reduce((s, l) => s + l.amount, 0);
  const discounts = Math.max(0, Math.min(opts.discounts ?? 0, Math.max(0, subtotal)));
  const tax = Math.max(0, Math.round((subtotal - discounts) * (opts.taxRate ?? 0)));
  const total = subtotal - discounts + tax;
  const amountPaid = opts.status === 'paid' ? Math.max(0, total) : 0;
  return {
    id: opts.id,
    number: opts.number,
    currency: opts.currency,
    periodStart: opts.periodStart,
    periodEnd: opts.periodEnd,
    lines,
    subtotal,
    discounts,
    tax,
    total,
    amountPaid,
    amountDue: opts.status === 'void' ? 0 : Math.max(0, total - amountPaid),
    status: opts.status,
  };
}

/** A random but consistent invoice for `seed`. */
export function generateSampleInvoice(seed: number, options: SampleInvoiceOptions = {}): NormalizedInvoiceInput {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const currency = options.currency ?? pick(['USD', 'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'KWD']);
  const scenario = options.scenario ?? 'mixed';
  const periodStart = options.periodStart ?? '2025-03-01';
  const periodEnd = options.periodEnd ?? '2025-03-31';
  const period = { start: periodStart, end: periodEnd };
  const status = options.status ?? pick(['paid', 'open', 'draft', 'open'] as const);
  const id = options.id ?? `in_${seed}`;
  const lines: InvoiceLineInput[] = [];
  const lineId = () => `il_${seed}_${lines.length + 1}`;

  if (scenario !== 'credits_only') {
    const meters = METERS.filter(() => rnd() < 0.7);
    for (const m of meters.length > 0 ? meters : [METERS[0]]) {
      const quantity =
        scenario === 'zero_usage'
          ? 0
          : m.fractional
            ? Math.round(rnd() * m.maxQty * 10) / 10
            : Math.floor(rnd() * m.maxQty);
      const includedQuantity = rnd() < 0.5 ? Math.floor(m.maxQty * 0.1) : 0;
      const unitPrice = priceFor(currency, pick(m.unitPrices));
      const amount = Math.round(Math.max(0, quantity - includedQuantity) * unitPrice);
      lines.push({
        id: lineId(),
        kind: 'usage',
        description: m.name,
        meterKey: m.key,
        meterName: m.name,
        quantity,
        includedQuantity,
        unitPrice,
        amount,
        period,
      });
    }
    if (scenario === 'zero_usage' || rnd() < 0.8) {
      const fee = priceFor(currency, pick([2900, 4900, 9900, 0]));
      lines.push({
        id: lineId(),
        kind: 'flat',
        description: pick(['Pro plan', 'Team plan (10 seats)', 'Platform fee']),
        quantity: 1,
        unitPrice: fee,
        amount: fee,
        period,
      });
    }
  }
  if (scenario === 'proration' || (scenario === 'mixed' && rnd() < 0.3)) {
    const mid = { start: '2025-03-15', end: periodEnd };
    const unused = -Math.round((priceFor(currency, 2900) * 17) / 31);
    const remaining = Math.round((priceFor(currency, 9900) * 17) / 31);
    lines.push({
      id: lineId(),
      kind: 'proration',
      description: 'Unused time on Pro plan after 15 Mar 2025',
      quantity: 1,
      amount: unused,
      proration: true,
      period: mid,
    });
    lines.push({
      id: lineId(),
      kind: 'flat',
      description: 'Remaining time on Scale plan after 15 Mar 2025',
      quantity: 1,
      amount: remaining,
      proration: true,
      period: mid,
    });
  }
  if (scenario === 'credits_only' || rnd() < 0.3) {
    lines.push({
      id: lineId(),
      kind: 'credit',
      description: pick(['Service credit', 'Goodwill credit for the 2 March outage']),
      quantity: 1,
      amount: -priceFor(currency, pick([500, 1250, 10000])),
      period,
    });
  }
  const hasCharges = lines.some((l) => l.amount > 0);
  return assembleInvoice(lines, {
    id,
    currency,
    periodStart,
    periodEnd,
    status,
    number: options.number !== undefined ? options.number : `TG-${1000 + (seed % 9000)}`,
    discounts: hasCharges && rnd() < 0.3 ? priceFor(currency, pick([500, 1000])) : 0,
    taxRate: hasCharges ? pick([0, 0.08, 0.2, 0.0725]) : 0,
  });
}

// A hand-made pair whose driver decomposition is computed by hand in build-fact-sheet.test.ts.
const feb = { start: '2025-02-01', end: '2025-02-28' };
const mar = { start: '2025-03-01', end: '2025-03-31' };

export const sampleFebruaryInvoice: NormalizedInvoiceInput = {
  id: 'in_feb',
  number: 'TG-0041',
  currency: 'usd',
  periodStart: feb.start,
  periodEnd: feb.end,
  lines: [
    {
      id: 'il_feb_api',
      kind: 'usage',
      description: 'API calls',
      meterKey: 'api_calls',
      meterName: 'API calls',
      quantity: 1_200_000,
      includedQuantity: 200_000,
      unitPrice: 0.05,
      amount: 50_000,
      period: feb,
    },
    {
      id: 'il_feb_storage',
      kind: 'usage',
      description: 'Storage',
      meterKey: 'storage_gb',
      meterName: 'Storage (GB)',
      quantity: 1_000,
      unitPrice: 2,
      amount: 2_000,
      period: feb,
    },
    {
      id: 'il_feb_plan',
      kind: 'flat',
      description: 'Pro plan',
      quantity: 1,
      unitPrice: 4_900,
      amount: 4_900,
      period: feb,
    },
  ],
  subtotal: 56_900,
  discounts: 1_000,
  tax: 5_590,
  total: 61_490,
  amountPaid: 61_490,
  amountDue: 0,
  status: 'paid',
};

export const sampleMarchInvoice: NormalizedInvoiceInput = {
  id: 'in_mar',
  number: 'TG-0042',
  currency: 'usd',
  periodStart: mar.start,
  periodEnd: mar.end,
  lines: [
    {
      id: 'il_mar_api',
      kind: 'usage',
      description: 'API calls',
      meterKey: 'api_calls',
      meterName: 'API calls',
      quantity: 1_700_000,
      includedQuantity: 200_000,
      unitPrice: 0.06,
      amount: 90_000,
      period: mar,
    },
    {
      id: 'il_mar_tokens',
      kind: 'usage',
      description: 'LLM tokens',
      meterKey: 'llm_tokens',
      meterName: 'LLM tokens',
      quantity: 10_000,
      unitPrice: 0.5,
      amount: 5_000,
      period: mar,
    },
    {
      id: 'il_mar_plan',
      kind: 'flat',
      description: 'Pro plan',
      quantity: 1,
      unitPrice: 4_900,
      amount: 4_900,
      period: mar,
    },
    {
      id: 'il_mar_unused',
      kind: 'proration',
      description: 'Unused time on Pro plan',
      quantity: 1,
      amount: -1_500,
      proration: true,
      period: { start: '2025-03-16', end: '2025-03-31' },
    },
    { id: 'il_mar_credit', kind: 'credit', description: 'Service credit', quantity: 1, amount: -2_000, period: mar },
  ],
  subtotal: 96_400,
  discounts: 0,
  tax: 9_640,
  total: 106_040,
  amountPaid: 0,
  amountDue: 106_040,
  status: 'open',
};
