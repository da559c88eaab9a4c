import { currencyExponent, formatMoney } from '@/lib/money';
import {
  normalizedInvoiceSchema,
  type Fact,
  type FactSheet,
  type InvoiceChange,
  type LineFacts,
  type NormalizedInvoice,
  type NormalizedInvoiceInput,
  type Totals,
} from '@/lib/schemas/invoice-facts';
import { formatDate, formatPercent, formatQuantity, roundTo, toFactKey } from '@/lib/invoices/format';
import { computeComponents, overageOf, type InvoiceComponents } from '@/lib/invoices/group-invoice-lines';
import { decomposeChange } from '@/lib/invoices/decompose-change';

// Pure: normalised invoice (+ optional previous invoice) → fact sheet. Every number a writer may
// state is a fact with a stable id, a value, a unit and the display form to copy.

function createFactCollector(currency: string) {
  const facts: Fact[] = [];
  const seen = new Set<string>();
  const push = (fact: Fact) => {
    if (seen.has(fact.id)) throw new Error(`duplicate fact id ${fact.id}`);
    seen.add(fact.id);
    facts.push(fact);
  };
  return {
    facts,
    money: (id: string, label: string, value: number, cur = currency) =>
      push({ id, label, unit: 'money', value, currency: cur, display: formatMoney(value, cur) }),
    quantity: (id: string, label: string, value: number) =>
      push({ id, label, unit: 'quantity', value, display: formatQuantity(value) }),
    percent: (id: string, label: string, value: number) =>
      push({ id, label, unit: 'percent', value: roundTo(value, 4), display: formatPercent(value) }),
    date: (id: string, label: string, value: string) =>
      push({ id, label, unit: 'date', value, display: formatDate(value) }),
  };
}
type FactCollector = ReturnType<typeof createFactCollector>;

function totalsOf(invoice: NormalizedInvoice): Totals {
  const { subtotal, discounts, tax, total, amountPaid, amountDue } = invoice;
  return { subtotal, discounts, tax, total, amountPaid, amountDue };
}

function assignLineKeys(invoice: NormalizedInvoice): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const line of invoice.lines) {
    const base = toFactKey(line.id);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
    used.add(key);
    keys.set(line.id, key);
  }
  return keys;
}

function addLineFacts(f: FactCollector, line: LineFacts) {
  const p = `line.${line.factKey}`;
  const name = line.description || line.kind;
  f.money(`${p}.amount`, `${name}: amount`, line.amount);
  if (line.quantity > 0) f.quantity(`${p}.quantity`, `${name}: quantity`, line.quantity);
  if (line.includedQuantity > 0)
    f.quantity(`${p}.included_quantity`, `${name}: included quantity`, line.includedQuantity);
  if (line.kind === 'usage') f.quantity(`${p}.overage_quantity`, `${name}: billable quantity`, line.overageQuantity);
  if (line.unitPrice !== null) f.money(`${p}.unit_price`, `${name}: unit price`, line.unitPrice);
  f.date(`${p}.period_start`, `${name}: period start`, line.period.start);
  f.date(`${p}.period_end`, `${name}: period end`, line.period.end);
}

function addComponentFacts(f: FactCollector, prefix: string, who: string, c: InvoiceComponents, cur: string) {
  f.money(`${prefix}usage.amount`, `${who}usage charges`, c.usage, cur);
  f.money(`${prefix}flat_fees.amount`, `${who}flat fees`, c.flatFees, cur);
  f.money(`${prefix}proration.amount`, `${who}proration`, c.proration, cur);
  f.money(`${prefix}credits.amount`, `${who}credits`, c.credits, cur);
  f.money(`${prefix}other.amount`, `${who}other charges`, c.other, cur);
}

function addTotalsFacts(f: FactCollector, prefix: string, who: string, inv: NormalizedInvoice) {
  f.money(`${prefix}.subtotal`, `${who} subtotal`, inv.subtotal, inv.currency);
  f.money(`${prefix}.discounts`, `${who} discounts`, inv.discounts, inv.currency);
  f.money(`${prefix}.tax`, `${who} tax`, inv.tax, inv.currency);
  f.money(`${prefix}.total`, `${who} total`, inv.total, inv.currency);
  f.money(`${prefix}.amount_paid`, `${who} amount paid`, inv.amountPaid, inv.currency);
  f.money(`${prefix}.amount_due`, `${who} amount due`, inv.amountDue, inv.currency);
  f.date(`${prefix}.period_start`, `${who} period start`, inv.periodStart);
  f.date(`${prefix}.period_end`, `${who} period end`, inv.periodEnd);
}

function addChangeFacts(f: FactCollector, change: InvoiceChange, allDrivers: ReturnType<typeof decomposeChange>) {
  f.money('change.total', 'Change in total since the previous invoice', change.totalChange);
  if (change.totalChangePercent !== null)
    f.percent('change.total_percent', 'Change in total, percent', change.totalChangePercent);
  for (const m of allDrivers.meters) {
    const p = `change.meter.${m.key}`;
    f.money(`${p}.amount`, `${m.name}: change in amount`, m.amount - m.previousAmount);
    f.money(`${p}.volume`, `${m.name}: volume effect`, m.volumeEffect);
    f.money(`${p}.price`, `${m.name}: price effect`, m.priceEffect);
    f.quantity(
      `${p}.overage_quantity`,
      `${m.name}: change in billable quantity`,
      m.overageQuantity - m.previousOverageQuantity,
    );
    if (m.previousOverageQuantity > 0) {
      f.percent(
        `${p}.overage_quantity_percent`,
        `${m.name}: change in billable quantity, percent`,
        ((m.overageQuantity - m.previousOverageQuantity) / m.previousOverageQuantity) * 100,
      );
    }
  }
  const byKind = (kind: string) => change.drivers.find((d) => d.kind === kind)?.amount ?? 0;
  f.money('change.flat_fees', 'Change in flat fees', byKind('flat_fees'));
  f.money('change.proration', 'Change in proration', byKind('proration'));
  f.money('change.credits', 'Change in credits', byKind('credits'));
  f.money('change.discounts', 'Change in discounts (negative lowers the total)', byKind('discounts'));
  f.money('change.tax', 'Change in tax', byKind('tax'));
  f.money('change.other', 'Change in other charges', byKind('other'));
  f.money('change.unexplained', 'Change not explained by the invoice lines', byKind('unexplained'));
}

/** Builds the fact sheet of `invoiceInput`, comparing it with `previousInput` when given. */
export function buildFactSheet(
  invoiceInput: NormalizedInvoiceInput,
  previousInput?: NormalizedInvoiceInput | null,
): FactSheet {
  const invoice = normalizedInvoiceSchema.parse(invoiceInput);
  const previous = previousInput ? normalizedInvoiceSchema.parse(previousInput) : null;
  const cur = invoice.currency;
  const f = createFactCollector(cur);
  const warnings: string[] = [];
  const components = computeComponents(invoice);
  if (components.lineSubtotal !== invoice.subtotal)
    warnings.push(`Subtotal ${invoice.subtotal} differs from the sum of the lines ${components.lineSubtotal}.`);
  if (components.unexplained !== 0)
    warnings.push(`Total ${invoice.total} differs from its components by ${components.unexplained}.`);

  const lineKeys = assignLineKeys(invoice);
  const lines: LineFacts[] = invoice.lines.map((l) => ({
    id: l.id,
    factKey: lineKeys.get(l.id)!,
    kind: l.kind,
    description: l.description,
    meterKey: l.kind === 'usage' ? (components.meters.find((m) => m.lineIds.includes(l.id))?.key ?? null) : null,
    quantity: l.quantity,
    includedQuantity: l.includedQuantity,
    overageQuantity: overageOf(l.quantity, l.includedQuantity),
    unitPrice: l.unitPrice,
    amount: l.amount,
    proration: l.proration,
    period: l.period,
  }));

  addTotalsFacts(f, 'invoice', 'Invoice', invoice);
  f.quantity('invoice.line_count', 'Number of invoice lines', invoice.lines.length);
  f.quantity('invoice.meter_count', 'Number of metered items', components.meters.length);
  const taxBase = invoice.subtotal - invoice.discounts;
  if (invoice.tax !== 0 && taxBase > 0)
    f.percent('invoice.tax_rate', 'Effective tax rate', (invoice.tax / taxBase) * 100);
  if (invoice.discounts > 0 && invoice.subtotal > 0)
    f.percent(
      'invoice.discount_percent',
      'Discount as a percent of the subtotal',
      (invoice.discounts / invoice.subtotal) * 100,
    );
  addComponentFacts(f, '', '', components, cur);
  for (const m of components.meters) {
    const p = `meter.${m.key}`;
    f.quantity(`${p}.quantity`, `${m.name}: quantity used`, m.quantity);
    f.quantity(`${p}.included_quantity`, `${m.name}: included quantity`, m.includedQuantity);
    f.quantity(`${p}.overage_quantity`, `${m.name}: billable quantity beyond the included amount`, m.overageQuantity);
    if (m.unitPrice !== null)
      f.money(`${p}.unit_price`, `${m.name}: ${m.unitPriceIsAverage ? 'average ' : ''}unit price`, m.unitPrice);
    f.money(`${p}.amount`, `${m.name}: amount`, m.amount);
  }
  for (const line of lines) addLineFacts(f, line);

  let change: InvoiceChange | null = null;
  if (previous && previous.currency !== cur) {
    warnings.push(`Previous invoice is in ${previous.currency}, not ${cur}; the change is not decomposed.`);
  } else if (previous) {
    const prevComponents = computeComponents(previous);
    addTotalsFacts(f, 'prev', 'Previous invoice', previous);
    addComponentFacts(f, 'prev.', 'Previous invoice ', prevComponents, cur);
    for (const m of prevComponents.meters) {
      const p = `prev.meter.${m.key}`;
      f.quantity(`${p}.quantity`, `${m.name}: previous quantity used`, m.quantity);
      f.quantity(`${p}.overage_quantity`, `${m.name}: previous billable quantity`, m.overageQuantity);
      if (m.unitPrice !== null)
        f.money(
          `${p}.unit_price`,
          `${m.name}: previous ${m.unitPriceIsAverage ? 'average ' : ''}unit price`,
          m.unitPrice,
        );
      f.money(`${p}.amount`, `${m.name}: previous amount`, m.amount);
    }
    const decomposed = decomposeChange(prevComponents, components, previous.total, invoice.total);
    change = {
      previousInvoiceId: previous.id,
      previousTotal: previous.total,
      total: invoice.total,
      totalChange: decomposed.totalChange,
      totalChangePercent:
        previous.total !== 0 ? roundTo((decomposed.totalChange / Math.abs(previous.total)) * 100, 4) : null,
      drivers: decomposed.drivers,
      meters: decomposed.meters,
    };
    addChangeFacts(f, change, decomposed);
  }

  const identifiers = [
    invoice.id,
    invoice.number,
    previous?.id,
    previous?.number,
    ...invoice.lines.flatMap((l) => [l.id, l.description, l.meterKey, l.meterName]),
    ...components.meters.flatMap((m) => [m.key, m.name]),
    ...(change?.meters ?? []).flatMap((m) => [m.key, m.name]),
  ].filter((s): s is string => typeof s === 'string' && s.trim().length > 0);

  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    status: invoice.status,
    currency: cur,
    currencyExponent: currencyExponent(cur),
    period: { start: invoice.periodStart, end: invoice.periodEnd },
    lines,
    meters: components.meters,
    components: {
      usage: components.usage,
      flatFees: components.flatFees,
      proration: components.proration,
      credits: components.credits,
      other: components.other,
      discounts: components.discounts,
      tax: components.tax,
    },
    totals: totalsOf(invoice),
    previous: previous
      ? {
          invoiceId: previous.id,
          invoiceNumber: previous.number,
          currency: previous.currency,
          period: { start: previous.periodStart, end: previous.periodEnd },
          totals: totalsOf(previous),
        }
      : null,
    change,
    facts: f.facts,
    identifiers: [...new Set(identifiers)],
    warnings,
  };
}

/** Looks a fact up by id. */
export function getFact(sheet: Pick<FactSheet, 'facts'>, id: string): Fact | undefined {
  return sheet.facts.find((fact) => fact.id === id);
}
