import type { CustomerSummary, MeterUsage } from '@/lib/schemas/customers';

// The newest live subscription of a customer, with its plan — shared by list and detail.
export const liveSubscriptionSelect = {
  where: { status: { notIn: ['canceled' as const, 'incomplete_expired' as const] } },
  orderBy: { currentPeriodStart: 'desc' as const },
  take: 1,
  select: {
    status: true,
    currentPeriodStart: true,
    currentPeriodEnd: true,
    plan: { select: { key: true, name: true } },
  },
};

interface Row {
  id: string;
  name: string;
  email: string | null;
  externalId: string | null;
  delinquent: boolean;
  subscriptions: {
    status: string;
    currentPeriodStart: Date;
    currentPeriodEnd: Date;
    plan: { key: string; name: string };
  }[];
}

export function customerSummaryFrom(c: Row, usage: MeterUsage[]): CustomerSummary {
  const sub = c.subscriptions[0];
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    externalId: c.externalId,
    delinquent: c.delinquent,
    plan: sub ? sub.plan : null,
    subscriptionStatus: sub?.status ?? null,
    periodStart: sub?.currentPeriodStart.toISOString() ?? null,
    periodEnd: sub?.currentPeriodEnd.toISOString() ?? null,
    usage,
  };
}
