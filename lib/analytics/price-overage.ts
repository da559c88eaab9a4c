/**
 * Overage of one meter for a period, priced the way invoices price it: whole packages, rounded up.
 * Pure and client-safe: the customer's billing card, the copilot and the Usage Analyst's
 * plan comparison price overage with this one function, so their figures agree.
 */
export function priceOverage(used: number, included: number, unitPrice: number, packageSize: number) {
  const overageQuantity = Math.max(0, used - included);
  const size = Math.max(1, packageSize);
  // The plan's overage price is per package; a package of 1 is a plain per-unit price.
  const overageAmountMinor = Math.round(Math.ceil(overageQuantity / size) * unitPrice);
  return { overageQuantity, overageAmountMinor };
}
