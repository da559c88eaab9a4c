// When a card stops working, by card month (UTC): pure, shared by the billing-ops card check and
// the customer page's "expires soon" badge.

type CardMonth = { expMonth: number; expYear: number };

const monthIndex = (year: number, month: number) => year * 12 + (month - 1);

/** 0 when the card expires in `now`'s month (UTC), 1 next month, negative once expired. */
export function monthsUntilExpiry(card: CardMonth, now: Date): number {
  return monthIndex(card.expYear, card.expMonth) - monthIndex(now.getUTCFullYear(), now.getUTCMonth() + 1);
}

/** Due for a reminder: expires this month or next. An expired card fails its next payment, which dunning handles. */
export const isExpiringSoon = (card: CardMonth, now: Date) => [0, 1].includes(monthsUntilExpiry(card, now));

/** The first instant the card no longer works: the start of the month after its expiry month. */
export const expiresAt = (card: CardMonth) => new Date(Date.UTC(card.expYear, card.expMonth, 1));
