import type { CustomerProfile } from './customer-profiles';

const BRANDS = ['visa', 'mastercard', 'amex', 'visa', 'discover'] as const;

// Every demo customer's default card, derived from its index (no draw from the seed's random
// stream, so the rest of the world is unchanged). Cards expire one to four years out, except
// the first customer whose subscription still renews: its card expires next month, so the real
// billing-ops card check drafts a reminder when the seed runs it.
export function buildPaymentCards(customers: { profile: CustomerProfile; renews: boolean }[], now: Date) {
  const expiring = customers.find((c) => c.renews && c.profile.index >= 2)?.profile.id;
  const next = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  return customers.map(({ profile: p }) => {
    const soon = p.id === expiring;
    const index = soon ? next : now.getUTCFullYear() * 12 + 12 * (1 + (p.index % 4)) + ((p.index * 5) % 12);
    const num = String(p.index + 1).padStart(3, '0');
    return {
      id: `card_${p.id}`,
      customerId: p.id,
      externalId: `pm_DEMO${num}`,
      brand: BRANDS[p.index % BRANDS.length]!,
      last4: String(4242 + p.index * 37).slice(-4),
      expMonth: (index % 12) + 1,
      expYear: Math.floor(index / 12),
      fingerprint: `fpDEMO${num}`,
    };
  });
}
