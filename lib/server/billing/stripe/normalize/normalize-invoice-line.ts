import type { InvoiceLineKind, InvoiceLineRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { asBoolean, asDate, asDecimalString, asInt, asRecord, asString, firstOf, get, idOf, requireId } from './read';

// Invoice line items, old and basil shapes:
// - price: `line.price` / `line.plan` (before basil) or `line.pricing.price_details.price`
//   (basil+, an id unless expanded: expand `lines.data.pricing.price_details.price` on a
//   re-fetch to get usage type and meter on new-shape lines).
// - proration: `line.proration` (before basil) or
//   `line.parent.{subscription_item_details|invoice_item_details}.proration` (basil+).

/** The parent details block named by parent.type, else whichever block is present. */
function parentDetails(line: unknown): unknown[] {
  const parent = asRecord(get(line, 'parent'));
  if (!parent) return [];
  const named = asString(parent.type);
  const keys = ['subscription_item_details', 'invoice_item_details'];
  const ordered = named && keys.includes(named) ? [named, ...keys.filter((key) => key !== named)] : keys;
  return ordered.map((key) => parent[key]).filter((details) => asRecord(details) !== null);
}

/**
 * How a line is classified (first rule that applies):
 *   proration → 'proration'; negative amount → 'credit'; metered price or a meter → 'usage';
 *   any price/plan → 'flat'; otherwise 'other'.
 * Stripe carries discounts and taxes as amounts on lines and totals, not as separate lines,
 * so 'discount' and 'tax' are never produced from Stripe data (they exist for other sources).
 */
export function classifyInvoiceLine(input: {
  proration: boolean;
  amount: number | null;
  usageType: string | null;
  meterExternalId: string | null;
  priceExternalId: string | null;
}): InvoiceLineKind {
  if (input.proration) return 'proration';
  if (input.amount !== null && input.amount < 0) return 'credit';
  if (input.usageType === 'metered' || input.meterExternalId !== null) return 'usage';
  if (input.priceExternalId !== null) return 'flat';
  return 'other';
}

export function normalizeInvoiceLine(line: unknown, index: number, invoiceCurrency: string | null): InvoiceLineRecord {
  const pricingPrice = get(line, 'pricing', 'price_details', 'price');
  // An expanded price object, from whichever shape has one.
  const price = asRecord(pricingPrice) ?? asRecord(get(line, 'price'));
  const plan = get(line, 'plan');
  const details = parentDetails(line);

  const amount = asInt(get(line, 'amount'));
  const priceExternalId = firstOf(idOf(pricingPrice), idOf(get(line, 'price')), idOf(plan));
  const meterExternalId = firstOf(idOf(get(price, 'recurring', 'meter')), idOf(get(plan, 'meter')));
  const usageType = firstOf(asString(get(price, 'recurring', 'usage_type')), asString(get(plan, 'usage_type')));
  const proration =
    firstOf(asBoolean(get(line, 'proration')), ...details.map((d) => asBoolean(get(d, 'proration')))) ?? false;

  return {
    externalId: requireId(get(line, 'id'), `invoice.lines.data[${index}].id`),
    description: asString(get(line, 'description')),
    amount,
    currency: asString(get(line, 'currency')) ?? invoiceCurrency,
    quantity: asInt(get(line, 'quantity')),
    unitAmountDecimal: firstOf(
      asDecimalString(get(line, 'pricing', 'unit_amount_decimal')),
      asDecimalString(get(price, 'unit_amount_decimal')),
      asDecimalString(get(plan, 'amount_decimal')),
    ),
    priceExternalId,
    meterExternalId,
    periodStart: asDate(get(line, 'period', 'start')),
    periodEnd: asDate(get(line, 'period', 'end')),
    proration,
    kind: classifyInvoiceLine({ proration, amount, usageType, meterExternalId, priceExternalId }),
  };
}
