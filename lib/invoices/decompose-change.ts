import type { ChangeDriver, DriverKind, MeterChange } from '@/lib/schemas/invoice-facts';
import type { InvoiceComponents, MeterGroup } from '@/lib/invoices/group-invoice-lines';

// Driver decomposition of the change in total between two invoices. Every driver is an integer
// number of minor units and the drivers sum exactly to the change in total: meter effects are
// split into volume (change in billable quantity at the previous unit price, rounded) and price
// (the rest of that meter's change), and whatever the components do not explain (an inconsistent
// invoice) lands in an explicit "unexplained" driver.

export interface DecomposedChange {
  totalChange: number;
  drivers: ChangeDriver[];
  meters: MeterChange[];
}

/** Fact id of a driver, shared with the fact sheet. */
export function driverFactId(kind: DriverKind, meterKey: string | null): string {
  switch (kind) {
    case 'meter_volume':
      return `change.meter.${meterKey}.volume`;
    case 'meter_price':
      return `change.meter.${meterKey}.price`;
    case 'flat_fees':
      return 'change.flat_fees';
    default:
      return `change.${kind}`;
  }
}

/** Unit price (minor units) the volume effect is valued at. */
function referencePrice(previous: MeterGroup | undefined, current: MeterGroup | undefined): number {
  if (previous && previous.overageQuantity > 0) return previous.amount / previous.overageQuantity;
  if (previous && previous.unitPrice !== null) return previous.unitPrice;
  if (current && current.overageQuantity > 0) return current.amount / current.overageQuantity;
  return current?.unitPrice ?? 0;
}

export function decomposeMeterChange(previous: MeterGroup | undefined, current: MeterGroup | undefined): MeterChange {
  const q0 = previous?.overageQuantity ?? 0;
  const q1 = current?.overageQuantity ?? 0;
  const a0 = previous?.amount ?? 0;
  const a1 = current?.amount ?? 0;
  // Same declared unit price on both invoices: the whole change is volume (no rounding crumbs
  // showing up as a "price effect").
  const samePrice =
    !!previous &&
    !!current &&
    previous.unitPrice !== null &&
    !previous.unitPriceIsAverage &&
    !current.unitPriceIsAverage &&
    previous.unitPrice === current.unitPrice;
  const volumeEffect = samePrice ? a1 - a0 : Math.round((q1 - q0) * referencePrice(previous, current)) || 0;
  const priceEffect = a1 - a0 - volumeEffect;
  return {
    key: (current ?? previous)!.key,
    name: (current ?? previous)!.name,
    previousOverageQuantity: q0,
    overageQuantity: q1,
    previousAmount: a0,
    amount: a1,
    volumeEffect,
    priceEffect: priceEffect || 0,
  };
}

const DRIVER_LABELS: Record<Exclude<DriverKind, 'meter_volume' | 'meter_price'>, string> = {
  flat_fees: 'Flat fees',
  proration: 'Proration',
  credits: 'Credits',
  discounts: 'Discounts',
  tax: 'Tax',
  other: 'Other charges',
  unexplained: 'Unexplained difference',
};

export function decomposeChange(
  previous: InvoiceComponents,
  current: InvoiceComponents,
  previousTotal: number,
  currentTotal: number,
): DecomposedChange {
  const keys = [...new Set([...current.meters.map((m) => m.key), ...previous.meters.map((m) => m.key)])];
  const meters = keys.map((key) =>
    decomposeMeterChange(
      previous.meters.find((m) => m.key === key),
      current.meters.find((m) => m.key === key),
    ),
  );
  const drivers: ChangeDriver[] = [];
  for (const m of meters) {
    drivers.push(
      {
        id: driverFactId('meter_volume', m.key),
        kind: 'meter_volume',
        meterKey: m.key,
        label: `${m.name} — volume`,
        amount: m.volumeEffect,
        factId: driverFactId('meter_volume', m.key),
      },
      {
        id: driverFactId('meter_price', m.key),
        kind: 'meter_price',
        meterKey: m.key,
        label: `${m.name} — price`,
        amount: m.priceEffect,
        factId: driverFactId('meter_price', m.key),
      },
    );
  }
  const simple: Array<[Exclude<DriverKind, 'meter_volume' | 'meter_price' | 'unexplained'>, number]> = [
    ['flat_fees', current.flatFees - previous.flatFees],
    ['proration', current.proration - previous.proration],
    ['credits', current.credits - previous.credits],
    ['discounts', current.discounts - previous.discounts],
    ['tax', current.tax - previous.tax],
    ['other', current.other - previous.other],
  ];
  for (const [kind, amount] of simple) {
    drivers.push({
      id: driverFactId(kind, null),
      kind,
      meterKey: null,
      label: DRIVER_LABELS[kind],
      amount,
      factId: driverFactId(kind, null),
    });
  }
  const totalChange = currentTotal - previousTotal;
  const explained = drivers.reduce((s, d) => s + d.amount, 0);
  drivers.push({
    id: driverFactId('unexplained', null),
    kind: 'unexplained',
    meterKey: null,
    label: DRIVER_LABELS.unexplained,
    amount: totalChange - explained,
    factId: driverFactId('unexplained', null),
  });
  return { totalChange, drivers: drivers.filter((d) => d.amount !== 0), meters };
}
