import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { TicketNoteView } from '@/lib/schemas/support';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { toTicketNoteView } from './list-customer-tickets';

export interface DraftTicketNoteInput {
  ticketId: string;
  body: string;
  conversationId?: string;
  userId: string;
  requestId?: string;
}

// "Insert into ticket": the copilot's answer becomes a DRAFT note on the ticket. Nothing reaches
// the customer or the help desk until a person confirms it (decide-ticket-note.ts). A conversation
// id must be a copilot decision record of the same customer, so a note always names its source.
export async function draftTicketNote(input: DraftTicketNoteInput): Promise<TicketNoteView> {
  return getDb().$transaction(async (tx) => {
    const ticket = await tx.supportTicket.findUnique({
      where: { id: input.ticketId },
      select: { id: true, customerId: true },
    });
    if (!ticket) throw notFound('Ticket');
    if (input.conversationId) {
      const run = await tx.agentRun.findFirst({
        where: { id: input.conversationId, agentId: 'support-copilot', customerId: ticket.customerId },
        select: { id: true },
      });
      if (!run) throw notFound('Copilot conversation');
    }
    const note = await tx.supportTicketNote.create({
      data: {
        ticketId: ticket.id,
        customerId: ticket.customerId,
        body: input.body,
        agentRunId: input.conversationId ?? null,
        draftedById: input.userId,
      },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: input.userId },
      action: 'ticket_note.drafted',
      target: { type: 'support_ticket', id: ticket.id },
      customerId: ticket.customerId,
      requestId: input.requestId,
      sourceRef: input.conversationId ? `agent_runs:${input.conversationId}` : null,
      after: { noteId: note.id, status: note.status, body: note.body },
    });
    return toTicketNoteView(note);
  });
}
