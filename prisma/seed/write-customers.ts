import type { Tx } from '@/lib/db';
import { hashSecret } from '@/lib/server/ingest/authenticate-ingest-token';
import type { DemoData } from '../factories/demo-data';

export async function writeCustomers(tx: Tx, data: DemoData) {
  const { customers, now, cards } = data;
  const defaultCard = new Map(cards.map((card) => [card.customerId, card.externalId]));
  await tx.customer.createMany({
    data: customers.map(({ profile: c, invoices }) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      externalId: c.externalId,
      billingProvider: 'stripe' as const,
      delinquent: c.delinquent && invoices.at(-1)!.status === 'open',
      defaultPaymentMethodExternalId: defaultCard.get(c.id) ?? null,
      createdAt: new Date(now.getTime() - c.createdDaysAgo * 86_400_000),
      metadata: { segment: c.plan.key === 'enterprise' ? 'enterprise' : 'self-serve' },
    })),
  });
  await tx.paymentCard.createMany({ data: cards });
  await tx.customerApiKey.createMany({
    data: customers.map(({ profile: c }) => ({
      id: `key_${c.id}`,
      customerId: c.id,
      name: 'Production',
      prefix: c.apiKey.slice(0, 12),
      keyHash: hashSecret(c.apiKey),
    })),
  });
  await tx.subscription.createMany({
    data: customers.map(({ profile: c, currentPeriodStart, currentPeriodEnd, invoices }) => ({
      id: `sub_${c.id}`,
      customerId: c.id,
      planId: c.plan.id,
      externalId: `sub_DEMO${c.id.slice(-3)}`,
      status: invoices.at(-1)!.status === 'open' ? ('past_due' as const) : ('active' as const),
      currentPeriodStart,
      currentPeriodEnd,
      createdAt: new Date(now.getTime() - c.createdDaysAgo * 86_400_000),
    })),
  });
  const invoices = customers.flatMap((c) =>
    c.invoices.map((inv) => ({ ...inv, subscriptionId: `sub_${c.profile.id}` })),
  );
  await tx.invoice.createMany({
    data: invoices.map(({ lines: _lines, ...inv }) => ({ ...inv, createdAt: inv.finalizedAt })),
  });
  await tx.invoiceLine.createMany({
    data: invoices.flatMap((inv) => inv.lines.map((l) => ({ ...l, externalId: l.id, invoiceId: inv.id }))),
  });
  const attempts = customers.flatMap((c) => c.attempts);
  await tx.payment.createMany({
    data: attempts
      .filter((a) => a.succeeded)
      .map((a) => ({
        id: `pay_${a.invoiceId}`,
        customerId: a.customerId,
        invoiceId: a.invoiceId,
        externalId: `pi_${a.externalId}`,
        amount: a.amount,
        currency: 'usd',
        status: 'succeeded' as const,
        createdAt: a.attemptedAt,
      })),
  });
  await tx.paymentAttempt.createMany({
    data: attempts.map((a) => ({ ...a, currency: 'usd', paymentId: a.succeeded ? `pay_${a.invoiceId}` : null })),
  });
  await tx.supportTicket.createMany({ data: data.tickets });
  // The impacted customers are not written: the SLA agent validates them from usage (write-incident-usage).
  const { impacts: _hit, ...incident } = data.incident;
  await tx.incident.create({ data: incident });
}
