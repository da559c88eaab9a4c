import { currencyExponent } from '@/lib/money';
import type { Fact, FactSheet, InvoiceExplanation } from '@/lib/schemas/invoice-facts';
import { extractNumbers, type DateParts, type NumberToken } from '@/lib/ai/extract-numbers';

// Grounding check: every number in a text must be one of the fact sheet's facts, allowing the
// formatting equivalences a reader would accept ($1,234.50 == 123450 minor units, 12.3% for
// 12.34 %, 1.2k for 1,234, "Mar 1" for 2025-03-01). Signs are not compared: prose says
// "a credit of $5.00" for a −500 line and "down $12.00" for a −1200 change.

export type GroundingSheet = Pick<FactSheet, 'facts' | 'identifiers' | 'currency'>;

export interface GroundedNumber {
  /** The number as written. */
  text: string;
  /** Offsets within the section's text. */
  start: number;
  end: number;
  kind: NumberToken['kind'];
  /** `summary`, `lines.<lineId>`, `changes.<index>` or `text` for a plain string. */
  section: string;
  /** The best-matching fact, or null when the number is not in the invoice data. */
  factId: string | null;
  /** Every fact the number could stand for, best first. */
  candidateFactIds: string[];
}

export interface GroundingVerdict {
  ok: boolean;
  numbers: GroundedNumber[];
  unverified: GroundedNumber[];
  /** Structural problems (unknown or missing line ids, empty summary). */
  issues: string[];
}

const EPS = 1e-9;

/** Currencies a written mark may denote; null mark = any. */
function markAllows(mark: string | null, currency: string): boolean {
  if (mark === null) return true;
  const code = currency.toUpperCase();
  if (/^[A-Z]{3}$/.test(mark)) return mark === code;
  switch (mark) {
    case '$':
      return code.endsWith('D') || code === 'MXN' || code === 'CLP' || code === 'COP';
    case 'US$':
      return code === 'USD';
    case 'CA$':
    case 'C$':
      return code === 'CAD';
    case 'A$':
    case 'AU$':
      return code === 'AUD';
    case 'NZ$':
      return code === 'NZD';
    case 'S$':
      return code === 'SGD';
    case 'HK$':
      return code === 'HKD';
    case '€':
      return code === 'EUR';
    case '£':
      return code === 'GBP';
    case '¥':
      return code === 'JPY' || code === 'CNY';
    case '₹':
      return code === 'INR';
    case '₩':
      return code === 'KRW';
    default:
      return false;
  }
}

type Scored = { id: string; diff: number; rank: number };

function moneyDiff(token: NumberToken, fact: Extract<Fact, { unit: 'money' }>): number | null {
  if (!markAllows(token.currencyMark, fact.currency)) return null;
  const exp = currencyExponent(fact.currency);
  if (token.cents && exp !== 2) return null;
  const scale = token.cents ? 1 : 10 ** exp;
  const diff = Math.abs(Math.abs(fact.value) - token.value * scale);
  return diff <= token.tolerance * scale + EPS * Math.max(1, Math.abs(fact.value)) ? diff / scale : null;
}

function numericDiff(token: NumberToken, value: number): number | null {
  const diff = Math.abs(Math.abs(value) - token.value);
  return diff <= token.tolerance + EPS * Math.max(1, Math.abs(value)) ? diff : null;
}

function dateMatches(parts: DateParts, iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  return parts.month === m && (parts.day === null || parts.day === d) && (parts.year === null || parts.year === y);
}

/** Fact ids `token` may stand for, best first (exact before rounded, specific kinds first). */
export function matchToken(token: NumberToken, facts: readonly Fact[]): string[] {
  const scored: Scored[] = [];
  for (const fact of facts) {
    let diff: number | null = null;
    let rank = 0;
    if (token.kind === 'date') {
      if (fact.unit === 'date' && token.dates.length === 1 && dateMatches(token.dates[0], fact.value)) diff = 0;
    } else if (token.kind === 'money') {
      if (fact.unit === 'money') diff = moneyDiff(token, fact);
    } else if (token.kind === 'percent') {
      if (fact.unit === 'percent') diff = numericDiff(token, fact.value);
    } else if (fact.unit === 'quantity') {
      diff = numericDiff(token, fact.value);
    } else if (fact.unit === 'money') {
      diff = moneyDiff(token, fact);
      rank = 1;
    } else if (fact.unit === 'percent') {
      diff = numericDiff(token, fact.value);
      rank = 2;
    } else if (fact.unit === 'date' && token.tolerance === 0.5 && Number(fact.value.slice(0, 4)) === token.value) {
      diff = 0; // a bare year
      rank = 3;
    }
    if (diff !== null) scored.push({ id: fact.id, diff, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.diff - b.diff);
  return scored.map((s) => s.id);
}

function groundToken(token: NumberToken, section: string, facts: readonly Fact[]): GroundedNumber[] {
  const base = { text: token.text, start: token.start, end: token.end, kind: token.kind, section };
  if (token.kind === 'date' && token.dates.length > 1) {
    // A range: every end must be a fact; report the range as grounded by its first date.
    const perDate = token.dates.map((d) => matchToken({ ...token, dates: [d] }, facts));
    const ok = perDate.every((ids) => ids.length > 0);
    return [{ ...base, factId: ok ? perDate[0][0] : null, candidateFactIds: ok ? perDate.flat() : [] }];
  }
  const ids = matchToken(token, facts);
  return [{ ...base, factId: ids[0] ?? null, candidateFactIds: ids }];
}

/**
 * For each number in `text`, the fact it came from (null when it is not in the invoice data).
 * The invoice page uses this to show the source of each number on hover.
 */
export function attributeNumbers(text: string, sheet: GroundingSheet, section = 'text'): GroundedNumber[] {
  return extractNumbers(text, sheet.identifiers).flatMap((t) => groundToken(t, section, sheet.facts));
}

/** The sections of an explanation with the section names used in verdicts. */
export function explanationSections(explanation: InvoiceExplanation): Array<{ section: string; text: string }> {
  return [
    { section: 'summary', text: explanation.summary },
    ...explanation.lines.map((l) => ({ section: `lines.${l.lineId}`, text: l.explanation })),
    ...explanation.changes.map((c, i) => ({ section: `changes.${i}`, text: c })),
  ];
}

function structuralIssues(explanation: InvoiceExplanation, sheet: Partial<Pick<FactSheet, 'lines'>>): string[] {
  const issues: string[] = [];
  if (explanation.summary.trim() === '') issues.push('The summary is empty.');
  if (!sheet.lines) return issues;
  const known = new Set(sheet.lines.map((l) => l.id));
  const seen = new Set<string>();
  for (const { lineId } of explanation.lines) {
    if (!known.has(lineId)) issues.push(`Unknown line id "${lineId}".`);
    else if (seen.has(lineId)) issues.push(`Line "${lineId}" is explained twice.`);
    seen.add(lineId);
  }
  for (const id of known) if (!seen.has(id)) issues.push(`Line "${id}" is not explained.`);
  return issues;
}

/**
 * Checks a plain text or a whole explanation against the fact sheet. `ok` only when every number
 * resolves to a fact (and, for an explanation, every line is explained exactly once).
 */
export function checkGrounding(
  input: string | InvoiceExplanation,
  sheet: GroundingSheet & Partial<Pick<FactSheet, 'lines'>>,
): GroundingVerdict {
  const sections = typeof input === 'string' ? [{ section: 'text', text: input }] : explanationSections(input);
  const numbers = sections.flatMap(({ section, text }) => attributeNumbers(text, sheet, section));
  const unverified = numbers.filter((n) => n.factId === null);
  const issues = typeof input === 'string' ? [] : structuralIssues(input, sheet);
  return { ok: unverified.length === 0 && issues.length === 0, numbers, unverified, issues };
}
