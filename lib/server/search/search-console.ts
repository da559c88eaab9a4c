import { getDb } from '@/lib/db';
import { can } from '@/lib/auth/capabilities';
import type { SessionUser } from '@/lib/auth/roles';
import type { SearchHit } from '@/lib/schemas/search';
import { formatMoney } from '@/lib/money';

const PER_TYPE = 5;
const insensitive = (q: string) => ({ contains: q, mode: 'insensitive' as const });

// One query per kind of thing, in parallel, each capped: the palette shows the first few of each
// as the reviewer types. Exact ids and billing ids match as well as names, so a Stripe `cus_…` or
// `in_…` pasted from elsewhere lands on its page. The audit trail is searched only for those who
// may read it.
export async function searchConsole(user: SessionUser, q: string): Promise<SearchHit[]> {
  const db = getDb();
  const sequence = /^\d{1,18}$/.test(q) ? BigInt(q) : null;
  const [customers, invoices, actions, events] = await Promise.all([
    db.customer.findMany({
      where: {
        deletedAt: null,
        OR: [{ name: insensitive(q) }, { email: insensitive(q) }, { id: q }, { externalId: q }],
      },
      orderBy: { name: 'asc' },
      take: PER_TYPE,
      select: { id: true, name: true, email: true, externalId: true },
    }),
    db.invoice.findMany({
      where: { OR: [{ number: insensitive(q) }, { id: q }, { externalId: q }] },
      orderBy: { periodStart: 'desc' },
      take: PER_TYPE,
      select: {
        id: true,
        number: true,
        total: true,
        currency: true,
        status: true,
        customer: { select: { name: true } },
      },
    }),
    db.action.findMany({
      where: { OR: [{ title: insensitive(q) }, { id: q }] },
      orderBy: { createdAt: 'desc' },
      take: PER_TYPE,
      select: { id: true, title: true, kind: true, status: true },
    }),
    can(user, 'audit.read')
      ? db.auditEvent.findMany({
          where: { OR: [...(sequence !== null ? [{ sequence }] : []), { targetId: q }] },
          orderBy: { sequence: 'desc' },
          take: PER_TYPE,
          select: { sequence: true, action: true, targetType: true, targetId: true },
        })
      : Promise.resolve([]),
  ]);
  return [
    ...customers.map((c) => ({
      type: 'customer' as const,
      id: c.id,
      title: c.name,
      subtitle: [c.email, c.externalId].filter(Boolean).join(' · '),
      href: `/customers/${encodeURIComponent(c.id)}`,
    })),
    ...invoices.map((i) => ({
      type: 'invoice' as const,
      id: i.id,
      title: i.number ?? i.id,
      subtitle: `${i.customer.name} · ${formatMoney(i.total, i.currency)} · ${i.status}`,
      href: `/invoices/${encodeURIComponent(i.id)}`,
    })),
    ...actions.map((a) => ({
      type: 'action' as const,
      id: a.id,
      title: a.title,
      subtitle: `${a.kind.replace('_', ' ')} · ${a.status.replace('_', ' ')}`,
      href: `/approvals/${encodeURIComponent(a.id)}`,
    })),
    ...events.map((e) => ({
      type: 'audit_event' as const,
      id: String(e.sequence),
      title: `#${e.sequence} ${e.action}`,
      subtitle: `${e.targetType} ${e.targetId}`,
      href: `/audit?sequence=${e.sequence}`,
    })),
  ];
}
