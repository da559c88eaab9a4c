import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { CustomerTickets, TicketNoteView } from '@/lib/schemas/support';

export function toTicketNoteView(n: {
  id: string;
  ticketId: string;
  body: string;
  status: TicketNoteView['status'];
  agentRunId: string | null;
  draftedById: string | null;
  author?: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}): TicketNoteView {
  return {
    id: n.id,
    ticketId: n.ticketId,
    body: n.body,
    status: n.status,
    agentRunId: n.agentRunId,
    // Agent-written notes (an approved SLA credit) name the agent instead of a person.
    draftedById: n.draftedById ?? n.author ?? 'system',
    decidedById: n.decidedById,
    decidedAt: n.decidedAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

// A customer's tickets, newest first, with their bodies and the notes drafted for them.
export async function listCustomerTickets(customerId: string, limit = 20): Promise<CustomerTickets> {
  const c = await getDb().customer.findFirst({
    where: { id: customerId, deletedAt: null },
    select: {
      tickets: {
        orderBy: { createdAt: 'desc' },
        take: limit,
        select: {
          id: true,
          subject: true,
          body: true,
          status: true,
          priority: true,
          category: true,
          createdAt: true,
          updatedAt: true,
          notes: { where: { status: { not: 'discarded' } }, orderBy: { createdAt: 'asc' } },
        },
      },
    },
  });
  if (!c) throw notFound('Customer');
  return {
    items: c.tickets.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      notes: t.notes.map(toTicketNoteView),
    })),
  };
}
