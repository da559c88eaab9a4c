import { describe, expect, it } from 'vitest';
import { formatCard } from '@/lib/format';
import { cardExpiryKey, whyNow } from './write-card-expiry';

const card = (expMonth: number, expYear: number) => ({
  externalId: 'pm_1',
  brand: 'visa',
  last4: '4242',
  expMonth,
  expYear,
});
const dec2 = new Date('2026-12-02T09:00:00Z');

describe('card expiry texts', () => {
  it('the key and label name card and expiry', () => {
    expect(cardExpiryKey(card(1, 2027))).toBe('pm_1#2027-01');
    expect(formatCard({ ...card(1, 2027), brand: 'amex', last4: '0005' })).toBe(
      'American Express •••• 0005 (expires 01/2027)',
    );
  });

  it('why now says whether the next renewal falls after the expiry', () => {
    const after = whyNow(card(12, 2026), new Date('2027-01-05T00:00:00Z'), dec2);
    expect(after[0]).toBe(
      'The default card, Visa •••• 4242 (expires 12/2026), stops working at the end of this month (30 day(s) from now).',
    );
    expect(after[1]).toMatch(
      /renews on 2027-01-05, after the card expires: that charge would be declined as expired_card/,
    );
    const before = whyNow(card(1, 2027), new Date('2026-12-20T00:00:00Z'), dec2);
    expect(before[0]).toMatch(/at the end of next month/);
    expect(before[1]).toMatch(/renews on 2026-12-20, still on this card/);
  });
});
