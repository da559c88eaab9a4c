interface PriceLike {
  billingScheme: string;
  unitAmountDecimal: { toString(): string } | null;
  unitAmount: number | null;
  tiers: unknown;
}

/*
 * What a metered Stripe price means for a plan limit, in minor units per unit:
 *   per_unit             → nothing included, every unit at unit_amount_decimal;
 *   tiered, free 1st tier → its up_to is included, the next tier's unit price is the overage;
 *   tiered otherwise      → nothing included, the first tier's unit price.
 * Flat amounts inside tiers are not representable as a unit price and are left to Stripe's invoice.
 */
export function overageFromPrice(price: PriceLike): { included: string; unitPrice: string } {
  const unit = (v: unknown) => (v === null || v === undefined ? null : String(v));
  if (price.billingScheme !== 'tiered' || !Array.isArray(price.tiers) || price.tiers.length === 0) {
    return { included: '0', unitPrice: price.unitAmountDecimal?.toString() ?? String(price.unitAmount ?? 0) };
  }
  const tiers = price.tiers as {
    up_to?: number | null;
    unit_amount?: number | null;
    unit_amount_decimal?: string | null;
    flat_amount?: number | null;
  }[];
  const priceOf = (t: (typeof tiers)[number] | undefined) =>
    unit(t?.unit_amount_decimal) ?? unit(t?.unit_amount) ?? '0';
  const [first, second] = tiers;
  const firstIsFree = priceOf(first) === '0' && !first?.flat_amount && typeof first?.up_to === 'number';
  if (firstIsFree) return { included: String(first!.up_to), unitPrice: priceOf(second) };
  return { included: '0', unitPrice: priceOf(first) };
}
