import { MONTH_NAMES } from '@/lib/invoices/format';

// Finds every number a reader would take as a claim: amounts ($1,234.56, €1.2k, 12.50 USD,
// 5 cents), percentages (12.5%), dates (2025-03-01, March 1, 2025, Mar 1, 1 March 2025,
// March 2025, 03/01/2025) and bare quantities (1,234, 1.2k, 3 million). Digits glued to letters
// (S3, v2, GPT-4o, 1st) are names or ordinals, not claims, and are skipped.

export type NumberTokenKind = 'money' | 'percent' | 'date' | 'number';

export interface DateParts {
  year: number | null;
  month: number;
  day: number | null;
}

export interface NumberToken {
  text: string;
  start: number;
  end: number;
  kind: NumberTokenKind;
  /** Value as written, scale applied (`1.2k` → 1200); for money in major units unless `cents`. */
  value: number;
  /** Half a unit of the last digit shown, scale applied: the rounding the text allows. */
  tolerance: number;
  /** Currency symbol or ISO code written next to a money amount. */
  currencyMark: string | null;
  /** The amount was written in minor units (`5 cents`, `5¢`). */
  cents: boolean;
  /** Date tokens: one or two (a range such as `March 1–31, 2025`). */
  dates: DateParts[];
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const SCALE = String.raw`(?:(?:k|K|M|B|bn|mn|m)(?![A-Za-z0-9])|\s(?:thousand|million|billion)\b)`;
const CODES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'INR',
  'KRW',
  'CNY',
  'HKD',
  'SGD',
  'BRL',
  'MXN',
  'ZAR',
  'PLN',
  'CZK',
  'HUF',
  'ILS',
  'TRY',
  'AED',
  'SAR',
  'THB',
  'IDR',
  'MYR',
  'PHP',
  'TWD',
  'KWD',
  'BHD',
  'JOD',
  'OMR',
  'TND',
  'CLP',
  'VND',
  'RON',
  'BGN',
  'ISK',
  'COP',
];
const SYMBOL = String.raw`(?:US\$|CA\$|C\$|AU\$|A\$|NZ\$|S\$|HK\$|[$€£¥₹₩])`;
const WORD_CURRENCY = String.raw`(?:dollars?|euros?|yen|pounds?|cents?|¢)`;
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?`;
const ORD = String.raw`(?:st|nd|rd|th)?`;
const DASH = String.raw`\s*(?:-|–|—|to|through)\s*`;

function monthIndex(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.slice(0, 3).toLowerCase() === prefix) + 1;
}

function parseNumeric(raw: string, scaleRaw: string | undefined): { value: number; tolerance: number } {
  const digits = raw.replace(/,/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const scaleWord = (scaleRaw ?? '').trim();
  const multiplier =
    scaleWord === '' ? 1 : /^(k|K|thousand)$/.test(scaleWord) ? 1e3 : /^(M|m|mn|million)$/.test(scaleWord) ? 1e6 : 1e9;
  return { value: Number(digits) * multiplier, tolerance: 0.5 * 10 ** -decimals * multiplier };
}

interface Rule {
  kind: NumberTokenKind;
  re: RegExp;
  build: (m: RegExpExecArray) => Omit<NumberToken, 'text' | 'start' | 'end' | 'kind'> | null;
}

const noDates: DateParts[] = [];
const dateOnly = (dates: DateParts[]) => ({ value: 0, tolerance: 0, currencyMark: null, cents: false, dates });
const validDay = (d: number) => d >= 1 && d <= 31;

// Order matters: earlier rules claim their text first.
const RULES: Rule[] = [
  {
    kind: 'date',
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    build: (m) => dateOnly([{ year: +m[1], month: +m[2], day: +m[3] }]),
  },
  {
    kind: 'date',
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
    build: (m) => dateOnly([{ year: +m[3], month: +m[1], day: +m[2] }]),
  },
  {
    kind: 'date', // March 1–31, 2025 · Mar 1-31
    re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})${ORD}${DASH}(\d{1,2})${ORD}\b(?![,.:]\d)(?:,?\s+(\d{4})\b)?`, 'g'),
    build: (m) => {
      const month = monthIndex(m[1]);
      const year = m[4] ? +m[4] : null;
      if (!validDay(+m[2]) || !validDay(+m[3])) return null;
      return dateOnly([
        { year, month, day: +m[2] },
        { year, month, day: +m[3] },
      ]);
    },
  },
  {
    kind: 'date', // March 1, 2025 · Mar 1 · March 1st
    re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})${ORD}\b(?![,.:]\d)(?:,?\s+(\d{4})\b)?`, 'g'),
    build: (m) =>
      validDay(+m[2]) ? dateOnly([{ year: m[3] ? +m[3] : null, month: monthIndex(m[1]), day: +m[2] }]) : null,
  },
  {
    kind: 'date', // 1 March 2025 · 1st of March
    re: new RegExp(String.raw`(?<![\d,.])\b(\d{1,2})${ORD}\s+(?:of\s+)?${MONTH}(?:,?\s+(\d{4})\b)?`, 'g'),
    build: (m) =>
      validDay(+m[1]) ? dateOnly([{ year: m[3] ? +m[3] : null, month: monthIndex(m[2]), day: +m[1] }]) : null,
  },
  {
    kind: 'date', // March 2025
    re: new RegExp(String.raw`\b${MONTH}\s+(\d{4})\b`, 'g'),
    build: (m) => dateOnly([{ year: +m[2], month: monthIndex(m[1]), day: null }]),
  },
  {
    kind: 'money', // $1,234.56 · -€12 · USD 1.2k · US$5
    re: new RegExp(
      String.raw`(?<![\w.])[-−+]?(${SYMBOL}|\b(?:${CODES.join('|')})\s?)\s?[-−]?(${NUM})(${SCALE})?(?![\w])`,
      'g',
    ),
    build: (m) => ({ ...parseNumeric(m[2], m[3]), currencyMark: m[1].trim(), cents: false, dates: noDates }),
  },
  {
    kind: 'money', // 12.50 USD · 5 cents · 300 yen
    re: new RegExp(
      String.raw`(?<![\w.])[-−+]?(${NUM})(${SCALE})?\s?(${CODES.join('|')}|${WORD_CURRENCY})(?![\w])`,
      'g',
    ),
    build: (m) => {
      const mark = m[3];
      const cents = /^(cents?|¢)$/.test(mark);
      const currencyMark = cents
        ? null
        : /^dollars?$/.test(mark)
          ? '$'
          : /^euros?$/.test(mark)
            ? '€'
            : mark === 'yen'
              ? '¥'
              : /^pounds?$/.test(mark)
                ? '£'
                : mark;
      return { ...parseNumeric(m[1], m[2]), currencyMark, cents, dates: noDates };
    },
  },
  {
    kind: 'percent',
    re: new RegExp(String.raw`(?<![\w.])[-−+]?(${NUM})\s?(?:%|percent\b|per cent\b)`, 'g'),
    build: (m) => ({ ...parseNumeric(m[1], undefined), currencyMark: null, cents: false, dates: noDates }),
  },
  {
    kind: 'number',
    re: new RegExp(String.raw`(?<![\w.])[-−+]?(${NUM})(${SCALE})?(?![\w])`, 'g'),
    build: (m) => ({ ...parseNumeric(m[1], m[2]), currencyMark: null, cents: false, dates: noDates }),
  },
];

/** Replaces each occurrence of the given strings with spaces (offsets are preserved). */
export function maskStrings(text: string, strings: readonly string[]): string {
  let out = text;
  // Only names that mix letters and digits are masked, and only as whole words, so a bare "10"
  // description can never hide a made-up "$10".
  const usable = strings.map((s) => s.trim()).filter((s) => /\d/.test(s) && /\p{L}/u.test(s) && s.length >= 2);
  const sorted = [...new Set(usable)].sort((a, b) => b.length - a.length);
  for (const s of sorted) {
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(re, (hit) => ' '.repeat(hit.length));
  }
  return out;
}

/**
 * Extracts the number tokens of `text`, in order of appearance. Substrings equal to one of
 * `identifiers` (invoice number, line descriptions, meter names) are ignored.
 */
export function extractNumbers(text: string, identifiers: readonly string[] = []): NumberToken[] {
  let work = maskStrings(text, identifiers);
  const tokens: NumberToken[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    const claimed: Array<[number, number]> = [];
    for (let m = rule.re.exec(work); m !== null; m = rule.re.exec(work)) {
      const built = rule.build(m);
      if (!built) continue;
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      const start = m.index + lead;
      const end = m.index + raw.trimEnd().length;
      tokens.push({ text: text.slice(start, end), start, end, kind: rule.kind, ...built });
      claimed.push([start, end]);
    }
    for (const [s, e] of claimed) work = work.slice(0, s) + ' '.repeat(e - s) + work.slice(e);
  }
  return tokens.sort((a, b) => a.start - b.start);
}
