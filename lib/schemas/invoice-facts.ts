import { z } from 'zod';

// Contracts for invoice intelligence: the normalised invoice (input, produced by the Stripe
// mapper), the fact sheet derived from it (output of lib/invoices/build-fact-sheet.ts) and the
// explanation a writer produces from the fact sheet (lib/ai/explain-invoice.ts).
//
// Money is always an amount in the currency's MINOR units (cents for USD, yen for JPY).
// Line amounts are signed: credits, discounts and negative prorations are negative.

/** A calendar date, `YYYY-MM-DD`. An ISO date-time is accepted and reduced to its UTC date. */
export const isoDateSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((value) => (value.length === 10 ? value : new Date(value).toISOString().slice(0, 10)));

export const periodSchema = z.object({ start: isoDateSchema, end: isoDateSchema });

export const invoiceLineKindSchema = z.enum(['usage', 'flat', 'proration', 'credit', 'discount', 'tax', 'other']);

export const invoiceStatusSchema = z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']);

export const invoiceLineSchema = z.object({
  id: z.string().min(1),
  kind: invoiceLineKindSchema,
  description: z.string(),
  /** Stable meter key (e.g. `api_calls`); usage lines without one are grouped by description. */
  meterKey: z.string().min(1).optional(),
  meterName: z.string().min(1).optional(),
  quantity: z.number().nonnegative().default(0),
  includedQuantity: z.number().nonnegative().default(0),
  /** Minor units per unit; may be fractional (0.05 = a twentieth of a cent). Null when unknown. */
  unitPrice: z.number().nonnegative().nullable().default(null),
  /** Signed, integer minor units. */
  amount: z.number().int(),
  proration: z.boolean().default(false),
  period: periodSchema,
});

/**
 * A normalised invoice. Invariants the fact sheet relies on (violations become warnings and an
 * "unexplained" driver, never a crash):
 * - `subtotal` = sum of the amounts of lines whose kind is not `tax` or `discount`;
 * - `discounts` is the non-negative invoice-level discount; `discount` lines, if any, itemise it;
 * - `tax` is the total tax; `tax` lines, if any, itemise it;
 * - `total` = `subtotal` − `discounts` + `tax`.
 */
export const normalizedInvoiceSchema = z.object({
  id: z.string().min(1),
  number: z.string().nullable(),
  /** ISO 4217 code, any case; normalised to upper case. */
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((c) => c.toUpperCase()),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  lines: z.array(invoiceLineSchema),
  subtotal: z.number().int(),
  discounts: z.number().int().nonnegative().default(0),
  tax: z.number().int().default(0),
  total: z.number().int(),
  amountPaid: z.number().int().default(0),
  amountDue: z.number().int(),
  status: invoiceStatusSchema,
});

// ---------------------------------------------------------------------------------------------
// Fact sheet (output)

const factBase = {
  /** Stable id, e.g. `meter.api_calls.amount`, `line.il_123.unit_price`, `change.total`. */
  id: z.string().min(1),
  label: z.string(),
  /** The exact form writers must use when they state this fact. */
  display: z.string(),
};

export const factSchema = z.discriminatedUnion('unit', [
  z.object({ ...factBase, unit: z.literal('money'), value: z.number(), currency: z.string() }),
  z.object({ ...factBase, unit: z.literal('quantity'), value: z.number() }),
  /** Percent value, e.g. 12.5 for 12.5 %; `display` is rounded to one decimal. */
  z.object({ ...factBase, unit: z.literal('percent'), value: z.number() }),
  /** `YYYY-MM-DD`. */
  z.object({ ...factBase, unit: z.literal('date'), value: z.string() }),
]);

export const meterFactsSchema = z.object({
  key: z.string(),
  name: z.string(),
  quantity: z.number(),
  includedQuantity: z.number(),
  overageQuantity: z.number(),
  /** Minor units per billable unit; an average when the meter's lines have different prices. */
  unitPrice: z.number().nullable(),
  unitPriceIsAverage: z.boolean(),
  amount: z.number().int(),
  lineIds: z.array(z.string()),
});

export const lineFactsSchema = z.object({
  id: z.string(),
  factKey: z.string(),
  kind: invoiceLineKindSchema,
  description: z.string(),
  meterKey: z.string().nullable(),
  quantity: z.number(),
  includedQuantity: z.number(),
  overageQuantity: z.number(),
  unitPrice: z.number().nullable(),
  amount: z.number().int(),
  proration: z.boolean(),
  period: z.object({ start: z.string(), end: z.string() }),
});

export const driverKindSchema = z.enum([
  'meter_volume',
  'meter_price',
  'flat_fees',
  'proration',
  'credits',
  'discounts',
  'tax',
  'other',
  'unexplained',
]);

export const changeDriverSchema = z.object({
  id: z.string(),
  kind: driverKindSchema,
  meterKey: z.string().nullable(),
  label: z.string(),
  /** Signed integer minor units; all drivers of a change sum exactly to `totalChange`. */
  amount: z.number().int(),
  factId: z.string(),
});

export const meterChangeSchema = z.object({
  key: z.string(),
  name: z.string(),
  previousOverageQuantity: z.number(),
  overageQuantity: z.number(),
  previousAmount: z.number().int(),
  amount: z.number().int(),
  volumeEffect: z.number().int(),
  priceEffect: z.number().int(),
});

export const invoiceChangeSchema = z.object({
  previousInvoiceId: z.string(),
  previousTotal: z.number().int(),
  total: z.number().int(),
  totalChange: z.number().int(),
  /** Null when the previous total is zero. */
  totalChangePercent: z.number().nullable(),
  drivers: z.array(changeDriverSchema),
  meters: z.array(meterChangeSchema),
});

export const totalsSchema = z.object({
  subtotal: z.number().int(),
  discounts: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
  amountPaid: z.number().int(),
  amountDue: z.number().int(),
});

export const factSheetSchema = z.object({
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  status: invoiceStatusSchema,
  currency: z.string(),
  /** Number of decimals of the currency's minor unit (2 for USD, 0 for JPY). */
  currencyExponent: z.number().int(),
  period: z.object({ start: z.string(), end: z.string() }),
  lines: z.array(lineFactsSchema),
  meters: z.array(meterFactsSchema),
  /** Bucket sums (integer minor units) of the lines, excluding tax/discount itemisation. */
  components: z.object({
    usage: z.number().int(),
    flatFees: z.number().int(),
    proration: z.number().int(),
    credits: z.number().int(),
    other: z.number().int(),
    discounts: z.number().int(),
    tax: z.number().int(),
  }),
  totals: totalsSchema,
  previous: z
    .object({
      invoiceId: z.string(),
      invoiceNumber: z.string().nullable(),
      currency: z.string(),
      period: z.object({ start: z.string(), end: z.string() }),
      totals: totalsSchema,
    })
    .nullable(),
  /** Null for a first invoice or when the previous invoice is in another currency. */
  change: invoiceChangeSchema.nullable(),
  facts: z.array(factSchema),
  /** Verbatim strings from the invoice (number, descriptions, meter names) whose digits are not facts. */
  identifiers: z.array(z.string()),
  warnings: z.array(z.string()),
});

// ---------------------------------------------------------------------------------------------
// Explanation (what a writer — model or built-in — returns)

export const invoiceExplanationSchema = z.object({
  /** 2–4 sentences. */
  summary: z.string(),
  /** One entry per invoice line, in invoice order. */
  lines: z.array(z.object({ lineId: z.string(), explanation: z.string() })),
  /** What changed since the previous invoice, one sentence per entry. */
  changes: z.array(z.string()),
});

export type InvoiceLineKind = z.infer<typeof invoiceLineKindSchema>;
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;
export type InvoiceLineInput = z.input<typeof invoiceLineSchema>;
export type InvoiceLine = z.output<typeof invoiceLineSchema>;
export type NormalizedInvoiceInput = z.input<typeof normalizedInvoiceSchema>;
export type NormalizedInvoice = z.output<typeof normalizedInvoiceSchema>;
export type Fact = z.infer<typeof factSchema>;
export type FactUnit = Fact['unit'];
export type MoneyFact = Extract<Fact, { unit: 'money' }>;
export type MeterFacts = z.infer<typeof meterFactsSchema>;
export type LineFacts = z.infer<typeof lineFactsSchema>;
export type DriverKind = z.infer<typeof driverKindSchema>;
export type ChangeDriver = z.infer<typeof changeDriverSchema>;
export type MeterChange = z.infer<typeof meterChangeSchema>;
export type InvoiceChange = z.infer<typeof invoiceChangeSchema>;
export type Totals = z.infer<typeof totalsSchema>;
export type FactSheet = z.infer<typeof factSheetSchema>;
export type InvoiceExplanation = z.infer<typeof invoiceExplanationSchema>;
