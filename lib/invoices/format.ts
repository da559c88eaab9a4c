// Display forms for facts. These strings are what writers are told to copy, and the grounding
// checker (lib/ai/check-grounding.ts) parses them back, so keep both sides in step.

const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
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
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

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
function decimalString(value: number, minDecimals: number, maxDecimals: number): string {
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
 * `formatMoney(1235, 'JPY')` → `¥1,235`, `formatMoney(0.05, 'USD')` → `$0.0005` (fractional
 * unit prices keep the decimals they need, up to six beyond the minor unit).
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  const major = minorUnits / 10 ** exponent;
  const digits = decimalString(major, exponent, exponent + 6);
  const sign = minorUnits < 0 && digits.replace(/[^1-9]/g, '') !== '' ? '-' : '';
  const symbol = CURRENCY_SYMBOLS[code];
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${code} ${digits}`;
}

/** `1234567` → `1,234,567`; fractional quantities keep up to three decimals (`12.5`). */
export function formatQuantity(quantity: number): string {
  const digits = decimalString(quantity, 0, 3);
  return quantity < 0 && digits.replace(/[^1-9]/g, '') !== '' ? `-${digits}` : digits;
}

/** Percent value (12.345 means 12.345 %) rounded to one decimal: `12.3%`. */
export function formatPercent(percent: number): string {
  const rounded = Math.round(percent * 10) / 10;
  const body = decimalString(rounded, 1, 1);
  return rounded < 0 ? `-${body}%` : `${body}%`;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2025-03-01` → `March 1, 2025`. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${MONTH_NAMES[m - 1]} ${d}, ${y}`;
}

/** Rounds to a fixed number of decimals without float noise (percent facts, averages). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/** Turns an arbitrary string into a fact-id segment: letters, digits, `_` and `-` only. */
export function toFactKey(raw: string): string {
  const key = raw
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  return key.length > 0 ? key : 'item';
}
