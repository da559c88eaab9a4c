import type { Prisma } from '@/generated/prisma/client';
import type { InvoiceLineKind, InvoiceStatus } from '@/lib/schemas/invoice-facts';

// The invoice as stored (or as the Stripe webhook handlers would store it), in the plain shape
// the fact-sheet mapper reads. Quantities and prices may arrive as Prisma Decimals, decimal
// strings or numbers; the mapper converts them.

export type Numeric = number | string | { toString(): string } | null | undefined;

export interface InvoiceRowLine {
  id: string;
  kind: InvoiceLineKind;
  description: string | null;
  quantity: Numeric;
  includedQuantity: Numeric;
  /** Minor units per unit (may be fractional), as Stripe's unit_amount_decimal. */
  unitAmountDecimal: Numeric;
  amount: number;
  proration: boolean;
  periodStart: Date | null;
  periodEnd: Date | null;
  position: number;
  /** The Meter row (key and display name); null for unmetered lines or meters Tollgate does not know. */
  meter: { key: string; name: string } | null;
}

export interface PlanMeterLimitRow {
  meterKey: string;
  includedQuantity: Numeric;
  overageUnitPrice: Numeric;
  overagePackageSize: number;
}

export interface InvoiceRow {
  id: string;
  customerId: string;
  number: string | null;
  status: InvoiceStatus;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  subtotal: number;
  discountTotal: number;
  creditTotal: number;
  tax: number;
  total: number;
  amountDue: number;
  amountPaid: number;
  lines: InvoiceRowLine[];
  /** The invoice's plan limits: the fallback for included quantities and unit prices. */
  planLimits: PlanMeterLimitRow[];
}

/** What to select from Prisma to build an InvoiceRow (see invoiceRowFromDb). */
export const invoiceRowSelect = {
  id: true,
  customerId: true,
  number: true,
  status: true,
  currency: true,
  periodStart: true,
  periodEnd: true,
  subtotal: true,
  discountTotal: true,
  creditTotal: true,
  tax: true,
  total: true,
  amountDue: true,
  amountPaid: true,
  lines: {
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      externalId: true,
      kind: true,
      description: true,
      quantity: true,
      includedQuantity: true,
      unitAmountDecimal: true,
      amount: true,
      proration: true,
      periodStart: true,
      periodEnd: true,
      position: true,
      meter: { select: { key: true, name: true } },
    },
  },
  subscription: {
    select: {
      plan: {
        select: {
          limits: {
            select: {
              includedQuantity: true,
              overageUnitPrice: true,
              overagePackageSize: true,
              meter: { select: { key: true } },
            },
          },
        },
      },
    },
  },
} satisfies Prisma.InvoiceSelect;

export type InvoiceDbRow = Prisma.InvoiceGetPayload<{ select: typeof invoiceRowSelect }>;

export function invoiceRowFromDb(row: InvoiceDbRow): InvoiceRow {
  const { subscription, lines, ...rest } = row;
  return {
    ...rest,
    // The billing platform's line id when there is one: stable across re-deliveries (the handlers
    // recreate line rows) and the same id the Stripe-record path uses, so both give one fact sheet.
    lines: lines.map(({ externalId, ...l }) => ({ ...l, id: externalId ?? l.id })),
    planLimits: (subscription?.plan.limits ?? []).map((l) => ({
      meterKey: l.meter.key,
      includedQuantity: l.includedQuantity,
      overageUnitPrice: l.overageUnitPrice,
      overagePackageSize: l.overagePackageSize,
    })),
  };
}
