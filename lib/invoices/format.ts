// Display forms for facts. These strings are what writers are told to copy, and the grounding
// checker (lib/ai/check-grounding.ts) parses them back, so keep both sides in step. Money is in
// lib/money.ts.
import { decimalString } from '@/lib/money';

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
