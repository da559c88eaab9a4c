import { formatMoney } from '@/lib/money';
import type { FactSheet, InvoiceExplanation, LineFacts, MeterChange } from '@/lib/schemas/invoice-facts';
import { lineBucket } from '@/lib/invoices/group-invoice-lines';

// The built-in writer: a deterministic composer of plain-language text from verified facts, used
// when no AI model is configured and as the fallback when a model's text fails the grounding
// check. Every number it writes is the display form of a fact (or of its absolute value), so its
// output passes the grounding check by construction; the tests check that on generated invoices.

export const BUILTIN_WRITER_LABEL = 'Built-in writer (no AI model configured)';
export const BUILTIN_WRITER_VERSION = 'builtin-writer/v1';

type Dir = 'up' | 'down';
const dirOf = (n: number): Dir => (n >= 0 ? 'up' : 'down');
const raisedLowered = (n: number) => (n >= 0 ? 'raised' : 'lowered');

const KIND_NAMES: Record<LineFacts['kind'], string> = {
  usage: 'Usage',
  flat: 'Fixed fee',
  proration: 'Proration',
  credit: 'Credit',
  discount: 'Discount',
  tax: 'Tax',
  other: 'Other charge',
};

function listJoin(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function createReader(sheet: FactSheet) {
  const byId = new Map(sheet.facts.map((f) => [f.id, f]));
  const fact = (id: string) => {
    const f = byId.get(id);
    if (!f) throw new Error(`built-in writer: missing fact ${id}`);
    return f;
  };
  return {
    has: (id: string) => byId.has(id),
    /** The fact's display form. */
    show: (id: string) => fact(id).display,
    /** Display form of the absolute value of a money fact (a credit of $5.00). */
    abs: (id: string) => {
      const f = fact(id);
      if (f.unit !== 'money' && f.unit !== 'quantity' && f.unit !== 'percent') return f.display;
      if (f.unit === 'money') return formatMoney(Math.abs(f.value), f.currency);
      return f.display.replace(/^-/, '');
    },
  };
}
type Reader = ReturnType<typeof createReader>;

function lineName(line: LineFacts): string {
  const d = line.description.trim();
  return /\p{L}/u.test(d) ? d : KIND_NAMES[line.kind];
}

function explainLine(r: Reader, line: LineFacts): string {
  const p = `line.${line.factKey}`;
  const name = lineName(line);
  const amount = r.show(`${p}.amount`);
  const period = `${r.show(`${p}.period_start`)} to ${r.show(`${p}.period_end`)}`;
  const price = r.has(`${p}.unit_price`) ? r.show(`${p}.unit_price`) : null;
  switch (lineBucket(line)) {
    case 'usage': {
      if (line.quantity === 0) return `${name}: no usage was recorded for ${period}, so the charge is ${amount}.`;
      const used = `${name}: ${r.show(`${p}.quantity`)} used from ${period}`;
      if (line.includedQuantity > 0 && line.overageQuantity === 0) {
        return `${used}, all within the ${r.show(`${p}.included_quantity`)} included in the plan, so the charge is ${amount}.`;
      }
      const billed =
        line.includedQuantity > 0
          ? `${used}; ${r.show(`${p}.included_quantity`)} were included in the plan and ${r.show(`${p}.overage_quantity`)} were billed`
          : used;
      return price !== null ? `${billed} at ${price} each, for ${amount}.` : `${billed}, for ${amount}.`;
    }
    case 'flat':
      if (line.quantity > 1 && price !== null) {
        return `${name}: a fixed fee of ${price} each for ${r.show(`${p}.quantity`)}, ${amount} in total, covering ${period}.`;
      }
      return `${name}: a fixed fee of ${amount} covering ${period}.`;
    case 'proration':
      return line.amount >= 0
        ? `${name}: a prorated charge of ${amount} for ${period}, because the subscription changed part-way through the period.`
        : `${name}: a prorated credit of ${r.abs(`${p}.amount`)} for unused time from ${period}, because the subscription changed part-way through the period.`;
    case 'credit':
      return `${name}: a credit of ${r.abs(`${p}.amount`)} that lowers the invoice total.`;
    case 'discount':
      return `${name}: a discount of ${r.abs(`${p}.amount`)}.`;
    case 'tax':
      return `${name}: tax of ${amount}.`;
    default:
      return line.amount >= 0 ? `${name}: a charge of ${amount}.` : `${name}: an adjustment of ${amount}.`;
  }
}

function compositionSentence(r: Reader, sheet: FactSheet): string {
  const c = sheet.components;
  const parts: string[] = [];
  if (c.usage !== 0) parts.push(`${r.show('usage.amount')} in usage charges`);
  if (c.flatFees !== 0) parts.push(`${r.show('flat_fees.amount')} in fixed fees`);
  if (c.proration !== 0)
    parts.push(
      c.proration > 0
        ? `${r.show('proration.amount')} in prorated charges`
        : `a prorated credit of ${r.abs('proration.amount')}`,
    );
  if (c.other !== 0) parts.push(`${r.show('other.amount')} in other charges`);
  if (c.credits !== 0) parts.push(`a credit of ${r.abs('credits.amount')}`);
  if (sheet.totals.discounts !== 0) parts.push(`a discount of ${r.abs('invoice.discounts')}`);
  if (sheet.totals.tax !== 0) parts.push(`${r.show('invoice.tax')} in tax`);
  return parts.length === 0 ? 'Nothing was charged for this period.' : `It is made up of ${listJoin(parts)}.`;
}

function paymentSentence(r: Reader, sheet: FactSheet): string {
  const t = sheet.totals;
  switch (sheet.status) {
    case 'paid':
      return t.amountPaid !== 0
        ? `It has been paid, with ${r.show('invoice.amount_paid')} received.`
        : 'It is marked as paid.';
    case 'draft':
      return 'It is still a draft, so the amounts can change before it is finalised.';
    case 'void':
      return 'It has been voided, so nothing is owed on it.';
    case 'uncollectible':
      return `It has been marked uncollectible with ${r.show('invoice.amount_due')} outstanding.`;
    default:
      return t.amountPaid !== 0
        ? `${r.show('invoice.amount_paid')} has been paid and ${r.show('invoice.amount_due')} is still due.`
        : `${r.show('invoice.amount_due')} is due.`;
  }
}

function driverPhrase(sheet: FactSheet, kind: string, meterKey: string | null, amount: number): string {
  const meter = sheet.change?.meters.find((m) => m.key === meterKey);
  const more = amount >= 0;
  switch (kind) {
    case 'meter_volume':
      return `${more ? 'higher' : 'lower'} ${meter?.name ?? 'metered'} usage`;
    case 'meter_price':
      return `a ${more ? 'higher' : 'lower'} price for ${meter?.name ?? 'metered usage'}`;
    case 'flat_fees':
      return `${more ? 'higher' : 'lower'} fixed fees`;
    case 'proration':
      return 'proration adjustments';
    case 'credits':
      return more ? 'smaller credits' : 'larger credits';
    case 'discounts':
      return more ? 'a smaller discount' : 'a larger discount';
    case 'tax':
      return `${more ? 'higher' : 'lower'} tax`;
    case 'other':
      return `${more ? 'higher' : 'lower'} other charges`;
    default:
      return 'a difference the invoice lines do not explain';
  }
}

function changeSummarySentence(r: Reader, sheet: FactSheet): string {
  const change = sheet.change;
  if (!change) {
    return sheet.previous
      ? `The previous invoice was billed in ${sheet.previous.currency}, so the two are not compared.`
      : 'This is the first invoice, so there is nothing to compare it with.';
  }
  if (change.totalChange === 0) return 'The total is the same as on the previous invoice.';
  const main = [...change.drivers]
    .filter((d) => Math.sign(d.amount) === Math.sign(change.totalChange))
    .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount))[0];
  const because = main ? `, mainly because of ${driverPhrase(sheet, main.kind, main.meterKey, main.amount)}` : '';
  return `That is ${r.abs('change.total')} ${change.totalChange > 0 ? 'more' : 'less'} than the previous invoice${because}.`;
}

function meterChangeSentence(r: Reader, m: MeterChange): string {
  const p = `change.meter.${m.key}`;
  const delta = m.amount - m.previousAmount;
  const existedBefore = r.has(`prev.meter.${m.key}.amount`);
  const existsNow = r.has(`meter.${m.key}.amount`);
  if (!existedBefore)
    return `${m.name} is new on this invoice and ${raisedLowered(delta)} the total by ${r.abs(`${p}.amount`)}.`;
  if (!existsNow)
    return `${m.name} no longer appears on this invoice, which ${raisedLowered(delta)} the total by ${r.abs(`${p}.amount`)}.`;
  const head =
    delta === 0
      ? `${m.name} left the total unchanged overall`
      : `${m.name} ${raisedLowered(delta)} the total by ${r.abs(`${p}.amount`)}`;
  const effects: string[] = [];
  if (m.volumeEffect !== 0) {
    effects.push(
      `billable usage went ${dirOf(m.overageQuantity - m.previousOverageQuantity)} from ${r.show(`prev.meter.${m.key}.overage_quantity`)} to ${r.show(`meter.${m.key}.overage_quantity`)}, which ${raisedLowered(m.volumeEffect)} it by ${r.abs(`${p}.volume`)}`,
    );
  }
  if (m.priceEffect !== 0)
    effects.push(`the price effect ${raisedLowered(m.priceEffect)} it by ${r.abs(`${p}.price`)}`);
  return effects.length > 0 ? `${head}: ${effects.join(', and ')}.` : `${head}.`;
}

const SIMPLE_DRIVER_SUBJECTS: Record<string, [string, string]> = {
  flat_fees: ['change.flat_fees', 'Changes in fixed fees'],
  proration: ['change.proration', 'Proration adjustments'],
  credits: ['change.credits', 'Changes in credits'],
  discounts: ['change.discounts', 'Changes in discounts'],
  tax: ['change.tax', 'Changes in tax'],
  other: ['change.other', 'Other charges'],
  unexplained: ['change.unexplained', 'A difference the invoice lines do not explain'],
};

function changeSentences(r: Reader, sheet: FactSheet): string[] {
  const change = sheet.change;
  if (!change) return [changeSummarySentence(r, sheet)];
  const out: string[] = [];
  if (change.totalChange === 0) out.push(`The total is unchanged at ${r.show('invoice.total')}.`);
  else {
    const pct = r.has('change.total_percent') ? ` (${r.abs('change.total_percent')})` : '';
    out.push(
      `The total went ${dirOf(change.totalChange)} by ${r.abs('change.total')}${pct}, from ${r.show('prev.total')} to ${r.show('invoice.total')}.`,
    );
  }
  const meters = change.meters
    .filter((m) => m.volumeEffect !== 0 || m.priceEffect !== 0)
    .sort((a, b) => Math.abs(b.amount - b.previousAmount) - Math.abs(a.amount - a.previousAmount));
  for (const m of meters) out.push(meterChangeSentence(r, m));
  for (const d of change.drivers) {
    const subject = SIMPLE_DRIVER_SUBJECTS[d.kind];
    if (subject) out.push(`${subject[1]} ${raisedLowered(d.amount)} the total by ${r.abs(subject[0])}.`);
  }
  if (out.length === 1 && change.totalChange === 0) out.push('No line changed in a way that affects the total.');
  return out;
}

/** Writes the explanation of an invoice from its fact sheet alone. Deterministic. */
export function writeBuiltinExplanation(sheet: FactSheet): InvoiceExplanation {
  const r = createReader(sheet);
  // A purely numeric invoice number would read as a claim, so it is only named when it has letters.
  const who =
    sheet.invoiceNumber && /\p{L}/u.test(sheet.invoiceNumber) ? `Invoice ${sheet.invoiceNumber}` : 'This invoice';
  const summary = [
    `${who} covers ${r.show('invoice.period_start')} to ${r.show('invoice.period_end')} and totals ${r.show('invoice.total')}.`,
    compositionSentence(r, sheet),
    paymentSentence(r, sheet),
    changeSummarySentence(r, sheet),
  ].join(' ');
  return {
    summary,
    lines: sheet.lines.map((line) => ({ lineId: line.id, explanation: explainLine(r, line) })),
    changes: changeSentences(r, sheet),
  };
}
