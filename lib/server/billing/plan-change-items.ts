// What a plan change does to each item of a subscription. A usage-based subscription is a
// licensed base price plus one metered price per meter; moving it to another plan means:
//   - the base item takes the target plan's base price (quantity kept),
//   - each metered item takes the target plan's price for the same meter,
//   - a metered item whose meter the target plan does not meter is removed,
//   - a meter the target plan meters and the subscription lacks is added,
//   - an item that belongs to neither plan (an add-on sold separately) is kept as it is.
// Pure: the Stripe execution, the built-in ledger and the approval's before/after all read it.

export interface CurrentItem {
  /** The platform's item id (si_…), or the stored item id for the ledger. */
  id: string;
  priceId: string | null;
  /** The meter the item bills, when known (from the price's meter or the plan's price table). */
  meterKey: string | null;
  metered: boolean;
  quantity: number | null;
}

export interface PlanPrices {
  key: string;
  name: string;
  basePriceId: string | null;
  meters: { meterKey: string; meterName: string; priceId: string | null }[];
}

export type ItemChange =
  | {
      op: 'swap';
      itemId: string;
      fromPriceId: string | null;
      toPriceId: string;
      quantity: number | null;
      meterKey: string | null;
    }
  | { op: 'remove'; itemId: string; fromPriceId: string | null; meterKey: string | null }
  | { op: 'add'; toPriceId: string; meterKey: string | null }
  | { op: 'keep'; itemId: string; priceId: string | null; quantity: number | null; meterKey: string | null };

export class PlanChangeMappingError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'PlanChangeMappingError';
  }
}

/** Names the meter of each item: its own meter, else the from-plan's price table. */
export function meterOfItem(
  item: { priceId: string | null; meterKey: string | null },
  from: PlanPrices,
): string | null {
  if (item.meterKey) return item.meterKey;
  return from.meters.find((m) => m.priceId && m.priceId === item.priceId)?.meterKey ?? null;
}

export function planItemChanges(items: readonly CurrentItem[], from: PlanPrices, to: PlanPrices): ItemChange[] {
  if (!to.basePriceId && to.meters.every((m) => !m.priceId))
    throw new PlanChangeMappingError(`Plan ${to.key} has no prices at the billing platform`, 'plan_without_prices');
  const known = new Set([from, to].flatMap((p) => p.meters.map((m) => m.meterKey)));
  // The base item: the one on the from-plan's base price; failing that (a price changed at the
  // platform), the only licensed item that is no meter's — never a guess among several add-ons.
  const licensed = items.filter((i) => !i.metered && meterOfItem(i, from) === null && i.priceId !== to.basePriceId);
  const base =
    items.find((i) => !i.metered && i.priceId !== null && i.priceId === from.basePriceId) ??
    (licensed.length === 1 ? licensed[0] : undefined);
  const changes: ItemChange[] = [];
  const covered = new Set<string>();
  let baseCovered = false;
  for (const item of items) {
    const meterKey = item.metered ? meterOfItem(item, from) : null;
    if (item === base) {
      baseCovered = true;
      changes.push(
        to.basePriceId
          ? {
              op: 'swap',
              itemId: item.id,
              fromPriceId: item.priceId,
              toPriceId: to.basePriceId,
              quantity: item.quantity,
              meterKey: null,
            }
          : { op: 'remove', itemId: item.id, fromPriceId: item.priceId, meterKey: null },
      );
    } else if (meterKey && known.has(meterKey)) {
      if (covered.has(meterKey))
        throw new PlanChangeMappingError(`Two items bill meter ${meterKey}`, 'duplicate_meter_item');
      covered.add(meterKey);
      const target = to.meters.find((m) => m.meterKey === meterKey);
      if (target?.priceId) {
        changes.push(
          target.priceId === item.priceId
            ? { op: 'keep', itemId: item.id, priceId: item.priceId, quantity: null, meterKey }
            : {
                op: 'swap',
                itemId: item.id,
                fromPriceId: item.priceId,
                toPriceId: target.priceId,
                quantity: null,
                meterKey,
              },
        );
      } else if (target) {
        throw new PlanChangeMappingError(
          `Plan ${to.key} meters ${meterKey} but has no price for it at the billing platform`,
          'meter_price_missing',
        );
      } else changes.push({ op: 'remove', itemId: item.id, fromPriceId: item.priceId, meterKey });
    } else if (!item.metered && item.priceId !== null && item.priceId === to.basePriceId) {
      baseCovered = true; // already on the target's base price (a retried or partial change)
      changes.push({ op: 'keep', itemId: item.id, priceId: item.priceId, quantity: item.quantity, meterKey: null });
    } else {
      changes.push({ op: 'keep', itemId: item.id, priceId: item.priceId, quantity: item.quantity, meterKey });
    }
  }
  if (!baseCovered && to.basePriceId) changes.push({ op: 'add', toPriceId: to.basePriceId, meterKey: null });
  for (const m of to.meters)
    if (m.priceId && !covered.has(m.meterKey)) changes.push({ op: 'add', toPriceId: m.priceId, meterKey: m.meterKey });
  return changes;
}

/** Stripe's `items` parameter of subscriptions.update: untouched items are simply not named. */
export interface StripeItemUpdate {
  id?: string;
  price?: string;
  quantity?: number;
  deleted?: true;
}

export function toStripeUpdateItems(changes: readonly ItemChange[]): StripeItemUpdate[] {
  return changes.flatMap((c): StripeItemUpdate[] => {
    if (c.op === 'swap')
      return [{ id: c.itemId, price: c.toPriceId, ...(c.quantity !== null ? { quantity: c.quantity } : {}) }];
    if (c.op === 'remove') return [{ id: c.itemId, deleted: true as const }];
    if (c.op === 'add') return [{ price: c.toPriceId }];
    return [];
  });
}

/** A schedule phase's full item list after the change (a phase names every item it bills). */
export function toPhaseItems(changes: readonly ItemChange[]): { price: string; quantity?: number }[] {
  return changes.flatMap((c): { price: string; quantity?: number }[] => {
    if (c.op === 'swap') return [{ price: c.toPriceId, ...(c.quantity !== null ? { quantity: c.quantity } : {}) }];
    if (c.op === 'add') return [{ price: c.toPriceId }];
    if (c.op === 'keep' && c.priceId)
      return [{ price: c.priceId, ...(c.quantity !== null ? { quantity: c.quantity } : {}) }];
    return [];
  });
}

/** One line per item for the approval's before/after. */
export function describeItemChanges(changes: readonly ItemChange[], from: PlanPrices, to: PlanPrices) {
  const name = (plan: PlanPrices, meterKey: string | null) =>
    meterKey ? (plan.meters.find((m) => m.meterKey === meterKey)?.meterName ?? meterKey) : `${plan.name} base price`;
  const before: string[] = [];
  const after: string[] = [];
  for (const c of changes) {
    if (c.op === 'swap') {
      before.push(`${name(from, c.meterKey)} (${c.fromPriceId ?? 'no price'})`);
      after.push(`${name(to, c.meterKey)} (${c.toPriceId})`);
    } else if (c.op === 'remove') {
      before.push(`${name(from, c.meterKey)} (${c.fromPriceId ?? 'no price'})`);
      after.push(`removed: ${name(from, c.meterKey)}`);
    } else if (c.op === 'add') {
      after.push(`added: ${name(to, c.meterKey)} (${c.toPriceId})`);
    } else {
      const label = c.meterKey ? name(to, c.meterKey) : (c.priceId ?? 'item');
      before.push(`${label}`);
      after.push(`${label} (unchanged)`);
    }
  }
  return { before, after };
}
