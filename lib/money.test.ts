import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney, majorToMinor, minorToMajor, parseMoney, toMajorUnitText } from './money';

describe('money', () => {
  it('knows 0-, 2- and 3-decimal currencies', () => {
    expect([currencyExponent('jpy'), currencyExponent('USD'), currencyExponent('kwd')]).toEqual([0, 2, 3]);
  });

  it('formats minor units in the currency’s own decimals (a KWD amount is not shown ×10)', () => {
    expect(formatMoney(123450, 'usd')).toBe('$1,234.50');
    expect(formatMoney(1235, 'JPY')).toBe('¥1,235');
    expect(formatMoney(1234, 'KWD')).toBe('KWD 1.234');
    expect(formatMoney(-500, 'eur')).toBe('-€5.00');
  });

  it('round-trips an input’s text', () => {
    for (const [minor, cur] of [
      [100050, 'usd'],
      [5, 'usd'],
      [1234, 'kwd'],
      [700, 'jpy'],
    ] as const) {
      const text = toMajorUnitText(minor, cur);
      expect(parseMoney(text, cur)).toEqual({ ok: true, minor });
    }
    expect(toMajorUnitText(5, 'usd')).toBe('0.05');
  });

  it.each([
    ['1,000.50', 'usd', 100050],
    ['$12.3', 'usd', 1230],
    ['1000', 'jpy', 1000],
    ['0.125', 'kwd', 125],
    ['USD 7', 'usd', 700],
    // Thousands separators in threes are read as such: "1,000" is a thousand, not one.
    ['1,000', 'usd', 100000],
    ['1,234,567', 'jpy', 1234567],
  ])('parses %s %s strictly → %d', (text, cur, minor) => {
    expect(parseMoney(text, cur)).toEqual({ ok: true, minor });
  });

  it.each([
    ['1e3', 'usd', 'invalid_amount'],
    ['abc', 'usd', 'invalid_amount'],
    ['1,00', 'usd', 'invalid_amount'],
    ['1,000.5.', 'usd', 'invalid_amount'],
    ['1.', 'usd', 'invalid_amount'],
    ['1 000', 'usd', 'invalid_amount'],
    ['0x10', 'usd', 'invalid_amount'],
    ['0.1234', 'kwd', 'too_many_decimals'],
    ['12.345', 'usd', 'too_many_decimals'],
    ['12.5', 'jpy', 'too_many_decimals'],
    ['-5', 'usd', 'negative_amount'],
    ['', 'usd', 'empty'],
    ['99999999999', 'usd', 'amount_too_large'],
  ])('refuses %s %s as %s', (text, cur, error) => {
    expect(parseMoney(text, cur)).toMatchObject({ ok: false, error });
  });

  it("converts an API's major-unit decimals to minor units and back, rounding float noise away", () => {
    expect(majorToMinor(19.99, 'USD')).toBe(1999);
    expect(majorToMinor(0.07, 'usd')).toBe(7);
    expect(majorToMinor(1235, 'JPY')).toBe(1235);
    expect(majorToMinor(1.234, 'KWD')).toBe(1234);
    expect(minorToMajor(6050, 'usd')).toBe(60.5);
    expect(minorToMajor(1235, 'JPY')).toBe(1235);
    expect(minorToMajor(-1999, 'USD')).toBe(-19.99);
  });
});
