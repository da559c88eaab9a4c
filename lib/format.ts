// Display formatting shared by the UI and generated text: quantities, percentages and dates, so
// every screen shows a number the same way. Money is in lib/money.ts.
export function formatQuantity(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

export function formatCompact(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`;
}

export function formatDate(iso: string | Date): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string | Date): string {
  return new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

const CARD_BRANDS: Record<string, string> = {
  amex: 'American Express',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

/** Stripe's card brand id → its name: `visa` → `Visa`, `amex` → `American Express`. */
export const formatCardBrand = (brand: string) => CARD_BRANDS[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);

/** A card as the console and the e-mails name it: `Visa •••• 4242 (expires 12/2026)`. */
export const formatCard = (card: { brand: string; last4: string; expMonth: number; expYear: number }) =>
  `${formatCardBrand(card.brand)} •••• ${card.last4} (expires ${String(card.expMonth).padStart(2, '0')}/${card.expYear})`;
