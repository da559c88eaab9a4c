import { currencyExponent, formatMoney } from '@/lib/money';
import { describe, expect, it } from 'vitest';
import { formatDate, formatPercent, formatQuantity, toFactKey } from '@/lib/invoices/format';

describe('format', () => {
  it('formats money in minor units per currency', () => {
    expect(formatMoney(123450, 'USD')).toBe('$1,234.50');
    expect(formatMoney(-500, 'usd')).toBe('-$5.00');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(0.05, 'USD')).toBe('$0.0005');
    expect(formatMoney(1235, 'JPY')).toBe('¥1,235');
    expect(formatMoney(0.075, 'JPY')).toBe('¥0.075');
    expect(formatMoney(1234567, 'CHF')).toBe('CHF 12,345.67');
    expect(formatMoney(1500, 'KWD')).toBe('KWD 1.500');
    expect(currencyExponent('jpy')).toBe(0);
  });

  it('formats quantities, percents, dates and keys', () => {
    expect(formatQuantity(1234567)).toBe('1,234,567');
    expect(formatQuantity(8132.4)).toBe('8,132.4');
    expect(formatPercent(72.4508)).toBe('72.5%');
    expect(formatPercent(-3.04)).toBe('-3.0%');
    expect(formatPercent(7548)).toBe('7,548.0%');
    expect(formatDate('2025-03-01')).toBe('March 1, 2025');
    expect(toFactKey('il_1NxA b/c')).toBe('il_1NxA_b_c');
  });
});
