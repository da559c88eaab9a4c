import { expiresAt, monthsUntilExpiry } from '@/lib/analytics/dunning/card-expiry';
import { formatCard, formatCardBrand } from '@/lib/format';
import { MONTH_NAMES } from '@/lib/invoices/format';

// The expiring-card check's texts, composed from facts (no model writes them): the reminder's key,
// how a card is named, why now, and the update-card e-mail ({ to, subject, body }).

export interface ExpiringCard {
  externalId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

const DAY_MS = 86_400_000;

/** One reminder per card and expiry: a renewed card (new expiry) is a new key. */
export const cardExpiryKey = (card: ExpiringCard) =>
  `${card.externalId}#${card.expYear}-${String(card.expMonth).padStart(2, '0')}`;

/** Why the reminder goes out now rather than at the next failed payment. */
export function whyNow(card: ExpiringCard, renewsAt: Date, now: Date): string[] {
  const end = expiresAt(card);
  const days = Math.max(0, Math.ceil((end.getTime() - now.getTime()) / DAY_MS));
  const when = monthsUntilExpiry(card, now) === 0 ? 'at the end of this month' : 'at the end of next month';
  const renewal = renewsAt.toISOString().slice(0, 10);
  return [
    `The default card, ${formatCard(card)}, stops working ${when} (${days} day(s) from now).`,
    renewsAt.getTime() >= end.getTime()
      ? `The subscription renews on ${renewal}, after the card expires: that charge would be declined as expired_card.`
      : `The subscription renews on ${renewal}, still on this card; the renewal after it falls after the expiry.`,
    'Asking now, before a payment fails, avoids a decline, a dunning episode and the risk of involuntary churn.',
  ];
}

export function writeCardExpiryEmail(f: {
  customerName: string;
  card: ExpiringCard;
  renewsAt: Date;
  updateUrl: string | null;
}) {
  const { card } = f;
  const month = `${MONTH_NAMES[card.expMonth - 1]} ${card.expYear}`;
  return {
    subject: `Your ${formatCardBrand(card.brand)} ending ${card.last4} expires in ${month}`,
    body: [
      `Hello ${f.customerName},`,
      '',
      `The card we charge for your subscription, ${formatCardBrand(card.brand)} ending ${card.last4}, expires at the end of ${month}.`,
      `Your next payment is due on ${f.renewsAt.toISOString().slice(0, 10)}${f.renewsAt.getTime() >= expiresAt(card).getTime() ? ', after the card expires' : ''}.`,
      f.updateUrl
        ? `To keep your service uninterrupted, please update your card here: ${f.updateUrl}`
        : 'Reply to this e-mail and we will send you a secure link to update your card.',
      '',
      'Thank you!',
    ].join('\n'),
  };
}
