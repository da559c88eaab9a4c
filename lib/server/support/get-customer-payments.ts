import { clock } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { isExpiringSoon, monthsUntilExpiry } from '@/lib/analytics/dunning/card-expiry';
import { notFound } from '@/lib/errors';
import type { CustomerPayments } from '@/lib/schemas/support';

type Stage = CustomerPayments['unpaidInvoices'][number]['dunningStage'];

// Stripe's default smart-retry schedule makes up to four attempts; after the last one the
// invoice stays unpaid with no next attempt.
const FINAL_ATTEMPT = 4;

/** Pure: where dunning stands on one unpaid invoice. */
export function dunningStage(attemptCount: number, nextPaymentAttemptAt: Date | null): Stage {
  if (attemptCount === 0) return 'awaiting_payment';
  if (!nextPaymentAttemptAt) return 'exhausted';
  return attemptCount + 1 >= FINAL_ATTEMPT ? 'final_attempt' : 'retrying';
}

// The default card and how soon it expires, payment attempts with their decline codes and
// messages, and the unpaid invoices with the dunning stage each is in.
export async function getCustomerPayments(customerId: string, limit = 20): Promise<CustomerPayments> {
  const c = await getDb().customer.findFirst({
    where: { id: customerId, deletedAt: null },
    select: {
      id: true,
      delinquent: true,
      defaultPaymentMethodExternalId: true,
      paymentCards: {
        where: { detachedAt: null },
        select: { externalId: true, brand: true, last4: true, expMonth: true, expYear: true },
      },
      paymentAttempts: {
        orderBy: { attemptedAt: 'desc' },
        take: limit,
        select: {
          id: true,
          invoiceId: true,
          amount: true,
          currency: true,
          succeeded: true,
          failureCode: true,
          failureMessage: true,
          attemptedAt: true,
          invoice: { select: { number: true } },
        },
      },
      invoices: {
        where: { status: { in: ['open', 'uncollectible'] }, amountRemaining: { gt: 0 } },
        orderBy: { periodStart: 'desc' },
        take: 12,
        select: {
          id: true,
          number: true,
          status: true,
          amountRemaining: true,
          currency: true,
          attemptCount: true,
          nextPaymentAttemptAt: true,
          dueDate: true,
        },
      },
    },
  });
  if (!c) throw notFound('Customer');
  const now = clock.now();
  const card = c.paymentCards.find((p) => p.externalId === c.defaultPaymentMethodExternalId);
  return {
    customerId: c.id,
    delinquent: c.delinquent,
    defaultCard: card
      ? {
          brand: card.brand,
          last4: card.last4,
          expMonth: card.expMonth,
          expYear: card.expYear,
          expiresSoon: isExpiringSoon(card, now),
          expired: monthsUntilExpiry(card, now) < 0,
        }
      : null,
    attempts: c.paymentAttempts.map(({ invoice, attemptedAt, ...a }) => ({
      ...a,
      invoiceNumber: invoice?.number ?? null,
      attemptedAt: attemptedAt.toISOString(),
    })),
    unpaidInvoices: c.invoices.map((i) => ({
      ...i,
      nextPaymentAttemptAt: i.nextPaymentAttemptAt?.toISOString() ?? null,
      dueDate: i.dueDate?.toISOString() ?? null,
      dunningStage: dunningStage(i.attemptCount, i.nextPaymentAttemptAt),
    })),
  };
}
