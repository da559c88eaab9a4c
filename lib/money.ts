// Money, stated once: amounts are integers in the currency's ISO 4217 minor unit (cents for USD,
// yen for JPY, fils for KWD). Every screen, e-mail, explanation and input goes through these
// functions, so a 3-decimal currency is never shown ×10 and a typed "1e3" is never $1,000.
// The display form is also what the grounding checker (lib/ai/check-grounding.ts) parses back.

const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Symbols used when formatting. Other currencies are written as `CHF 12.34`. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  KRW: '₩',
};

/** Decimals of the currency's minor unit: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fixed decimal string of |value| with between `minDecimals` and `maxDecimals` decimals. */
export function decimalString(value: number, minDecimals: number, maxDecimals: number): string {
  let s = Math.abs(value).toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    const [int, frac = ''] = s.split('.');
    let trimmed = frac.replace(/0+$/, '');
    if (trimmed.length < minDecimals) trimmed = trimmed.padEnd(minDecimals, '0');
    s = trimmed.length > 0 ? `${int}.${trimmed}` : int;
  }
  const [int, frac] = s.split('.');
  return frac === undefined ? groupThousands(int) : `${groupThousands(int)}.${frac}`;
}

/**
 * Formats an amount in minor units: `formatMoney(123450, 'USD')` → `$1,234.50`,
 * `formatMoney(1235, 'JPY')` → `¥1,235`, `formatMoney(1234, 'KWD')` → `KWD 1.234`,
 * `formatMoney(0.05, 'USD')` → `$0.0005` (fractional unit prices keep the decimals they need, up
 * to six beyond the minor unit).
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  const digits = decimalString(minorUnits / 10 ** exponent, exponent, exponent + 6);
  const sign = minorUnits < 0 && digits.replace(/[^1-9]/g, '') !== '' ? '-' : '';
  const symbol = CURRENCY_SYMBOLS[code];
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${code} ${digits}`;
}

/** An amount in minor units as the plain major-unit text an input shows: 123450 USD → "1234.50". */
export function toMajorUnitText(minorUnits: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minorUnits < 0;
  const digits = String(Math.abs(Math.trunc(minorUnits))).padStart(exponent + 1, '0');
  const int = digits.slice(0, digits.length - exponent);
  const frac = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${int}${exponent ? `.${frac}` : ''}`;
}

/**
 * A major-unit amount as an API sends it (Recurly's 19.99 USD) → minor units (1999). Rounded to
 * the currency's minor unit: the binary float 19.99 * 100 is 1998.999…, never meant as such.
 */
export function majorToMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyExponent(currency));
}

/** Minor units → the major-unit number such an API takes: 1999 USD → 19.99, 1235 JPY → 1235. */
export function minorToMajor(minorUnits: number, currency: string): number {
  return Number(toMajorUnitText(minorUnits, currency));
}

export type MoneyParseError = 'empty' | 'invalid_amount' | 'too_many_decimals' | 'negative_amount' | 'amount_too_large';

export type MoneyParse = { ok: true; minor: number } | { ok: false; error: MoneyParseError; message: string };

// Plain digits, or digits grouped by commas in threes, with an optional decimal part.
const AMOUNT = /^(\d+|\d{1,3}(,\d{3})+)(\.(\d+))?$/;

/**
 * Parses a typed amount strictly in the currency's decimals: "1,000.50" USD → 100050. Refuses
 * what a person did not mean as money — "1e3", "abc", "12.345" in USD, "1,00" — rather than
 * guessing, and never goes through floating point.
 */
export function parseMoney(text: string, currency: string, opts: { allowNegative?: boolean } = {}): MoneyParse {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  let s = text.trim().replace(/^[$€£¥₹₩]/, '');
  if (s.toUpperCase().startsWith(code)) s = s.slice(code.length).trim();
  if (!s) return { ok: false, error: 'empty', message: 'Enter an amount' };
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const m = AMOUNT.exec(s);
  if (!m) return { ok: false, error: 'invalid_amount', message: `Enter an amount like ${example(code)}` };
  const frac = m[4] ?? '';
  if (frac.length > exponent) {
    return {
      ok: false,
      error: 'too_many_decimals',
      message: exponent ? `${code} amounts have at most ${exponent} decimals` : `${code} amounts have no decimals`,
    };
  }
  if (negative && !opts.allowNegative)
    return { ok: false, error: 'negative_amount', message: 'Enter a positive amount' };
  const minor = Number(m[1].replace(/,/g, '') + frac.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor) || minor > 2_147_483_647) {
    return { ok: false, error: 'amount_too_large', message: 'That amount is too large' };
  }
  return { ok: true, minor: negative ? -minor : minor };
}

function example(code: string): string {
  return toMajorUnitText(123_450 * 10 ** (currencyExponent(code) - 2), code).replace(/^(\d)(\d{3})/, '$1,$2');
}
