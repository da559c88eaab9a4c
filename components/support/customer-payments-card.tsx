'use client';
import { formatMoney } from '@/lib/money';
import { formatCardBrand, formatDate, formatDateTime } from '@/lib/format';
import type { CustomerPayments } from '@/lib/schemas/support';
import { useCustomerPayments } from '@/lib/queries/use-customer-support';
import { Badge } from '@/components/ui/badge';
import { QueryCard } from '@/components/ui/query-card';

const STAGE = {
  awaiting_payment: { label: 'Awaiting payment', tone: 'gray' },
  retrying: { label: 'Dunning: retrying', tone: 'amber' },
  final_attempt: { label: 'Dunning: final attempt next', tone: 'red' },
  exhausted: { label: 'Dunning: retries exhausted', tone: 'red' },
} as const;

function DefaultCard({ card }: { card: NonNullable<CustomerPayments['defaultCard']> }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2" data-testid="default-card">
      <span>
        <span className="font-medium">
          {formatCardBrand(card.brand)} •••• {card.last4}
        </span>
        <span className="text-slate-600">
          {' '}
          · expires {String(card.expMonth).padStart(2, '0')}/{card.expYear}
        </span>
      </span>
      {card.expired ? (
        <Badge tone="red">Expired</Badge>
      ) : card.expiresSoon ? (
        <Badge tone="amber">Expires soon</Badge>
      ) : null}
    </div>
  );
}

// Payment status: the default card and its expiry, decline reasons of recent attempts and where
// dunning stands on unpaid invoices.
export function CustomerPaymentsCard({ customerId, className }: { customerId: string; className?: string }) {
  const query = useCustomerPayments(customerId);
  return (
    <QueryCard
      title="Payments"
      className={className}
      query={query}
      testId="payments-card"
      actions={query.data?.delinquent ? <Badge tone="red">Payment failing</Badge> : null}
    >
      {(p) => (
        <div className="flex flex-col gap-3 text-sm">
          {p.defaultCard ? (
            <DefaultCard card={p.defaultCard} />
          ) : (
            <p className="text-slate-500">No default card on file.</p>
          )}
          {p.unpaidInvoices.map((i) => (
            <div
              key={i.id}
              className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2"
              data-testid="unpaid-invoice"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{i.number ?? i.id}</span>
                <Badge tone={STAGE[i.dunningStage].tone}>{STAGE[i.dunningStage].label}</Badge>
              </div>
              <div className="mt-1 text-xs text-slate-600">
                {formatMoney(i.amountRemaining, i.currency)} unpaid · {i.attemptCount} attempt(s)
                {i.nextPaymentAttemptAt ? ` · next retry ${formatDate(i.nextPaymentAttemptAt)}` : ''}
              </div>
            </div>
          ))}
          {p.attempts.length === 0 ? (
            <p className="text-slate-500">No payment attempts on record.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {p.attempts.slice(0, 6).map((a) => (
                <li key={a.id} className="flex flex-col gap-0.5 py-2" data-testid="payment-attempt">
                  <div className="flex items-center justify-between gap-2">
                    <span className="tabular-nums">{formatMoney(a.amount, a.currency)}</span>
                    <Badge tone={a.succeeded ? 'green' : 'red'}>{a.succeeded ? 'Paid' : 'Declined'}</Badge>
                  </div>
                  <div className="text-xs text-slate-500">
                    {formatDateTime(a.attemptedAt)}
                    {a.invoiceNumber ? ` · ${a.invoiceNumber}` : ''}
                  </div>
                  {!a.succeeded ? (
                    <div className="text-xs text-red-700">
                      {a.failureCode ?? 'no decline code'}
                      {a.failureMessage ? ` — ${a.failureMessage}` : ''}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </QueryCard>
  );
}
