import type { Tx } from '@/lib/db';
import { creditTier, maintenanceWindow } from '@/lib/schemas/sla';
import type { CreditTerms } from '@/lib/analytics/sla-credit-amount';
import type { Interval } from '@/lib/analytics/sla-cohort';
import { z } from 'zod';

export interface CohortCandidate {
  customerId: string;
  name: string;
  currency: string;
  policy: (CreditTerms & { id: string; name: string; maintenance: Interval[] }) | null;
  /** The finalised invoice a credit note goes against: the one whose period holds the incident, else the latest. */
  invoice: { id: string; number: string | null; subtotal: number; total: number } | null;
  /** The customer's support ticket about the incident, if they opened one. */
  ticketId: string | null;
}

const TICKET_LOOKAHEAD_MS = 7 * 86_400_000;

// Everyone who was a subscriber when the incident started — each is either in the cohort or
// listed as excluded with a reason — with their plan's SLA policy, invoice and ticket.
export async function loadCohortCandidates(
  tx: Tx,
  incident: { startedAt: Date; resolvedAt: Date },
): Promise<CohortCandidate[]> {
  const subs = await tx.subscription.findMany({
    where: {
      createdAt: { lte: incident.resolvedAt },
      OR: [{ status: { notIn: ['canceled', 'incomplete_expired'] } }, { canceledAt: { gt: incident.startedAt } }],
      customer: { deletedAt: null },
    },
    orderBy: [{ customerId: 'asc' }, { createdAt: 'desc' }],
    select: {
      customerId: true,
      customer: { select: { name: true } },
      plan: {
        select: {
          currency: true,
          slaPolicies: {
            take: 1,
            orderBy: { id: 'asc' },
            select: {
              id: true,
              name: true,
              uptimeTargetBp: true,
              windowDays: true,
              creditTiers: true,
              capPercent: true,
              capMinor: true,
              exclusions: true,
            },
          },
        },
      },
    },
  });
  const seen = new Set<string>();
  const unique = subs.filter((s) => !seen.has(s.customerId) && seen.add(s.customerId));
  const ids = unique.map((s) => s.customerId);
  const invoices = await tx.invoice.findMany({
    where: { customerId: { in: ids }, status: { in: ['open', 'paid'] }, total: { gt: 0 } },
    orderBy: { periodStart: 'desc' },
    select: {
      id: true,
      customerId: true,
      number: true,
      subtotal: true,
      total: true,
      periodStart: true,
      periodEnd: true,
    },
  });
  const tickets = await tx.supportTicket.findMany({
    where: {
      customerId: { in: ids },
      createdAt: { gte: incident.startedAt, lte: new Date(incident.resolvedAt.getTime() + TICKET_LOOKAHEAD_MS) },
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true, customerId: true },
  });
  return unique.map((s) => {
    const own = invoices.filter((i) => i.customerId === s.customerId);
    const invoice =
      own.find((i) => i.periodStart <= incident.startedAt && incident.startedAt < i.periodEnd) ?? own[0] ?? null;
    const p = s.plan.slaPolicies[0];
    return {
      customerId: s.customerId,
      name: s.customer.name,
      currency: s.plan.currency,
      policy: p
        ? {
            id: p.id,
            name: p.name,
            uptimeTargetBp: p.uptimeTargetBp,
            windowDays: p.windowDays,
            tiers: z.array(creditTier).parse(p.creditTiers),
            capPercent: p.capPercent,
            capMinor: p.capMinor,
            maintenance: z
              .array(maintenanceWindow)
              .parse(p.exclusions)
              .map((w) => ({ start: Date.parse(w.startsAt), end: Date.parse(w.endsAt) })),
          }
        : null,
      invoice: invoice
        ? { id: invoice.id, number: invoice.number, subtotal: invoice.subtotal, total: invoice.total }
        : null,
      ticketId: tickets.find((t) => t.customerId === s.customerId)?.id ?? null,
    };
  });
}
