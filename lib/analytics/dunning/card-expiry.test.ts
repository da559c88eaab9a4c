import { describe, expect, it } from 'vitest';
import { expiresAt, isExpiringSoon, monthsUntilExpiry } from './card-expiry';

const card = (expMonth: number, expYear: number) => ({ expMonth, expYear });
const dec2 = new Date('2026-12-02T09:00:00Z');

describe('card expiry', () => {
  it('this month and next are due, across a year end; expired and later cards are not', () => {
    expect(monthsUntilExpiry(card(12, 2026), dec2)).toBe(0);
    expect(monthsUntilExpiry(card(1, 2027), dec2)).toBe(1);
    expect([card(12, 2026), card(1, 2027)].every((c) => isExpiringSoon(c, dec2))).toBe(true);
    expect([card(11, 2026), card(2, 2027), card(12, 2027)].some((c) => isExpiringSoon(c, dec2))).toBe(false);
    // UTC month, not the server's: the last second of December is still December.
    expect(isExpiringSoon(card(2, 2027), new Date('2026-12-31T23:59:59Z'))).toBe(false);
    expect(isExpiringSoon(card(2, 2027), new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });

  it('a card works through its expiry month', () => {
    expect(expiresAt(card(12, 2026)).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(expiresAt(card(2, 2028)).toISOString()).toBe('2028-03-01T00:00:00.000Z');
  });
});
