import { getDb } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import { clock } from '@/lib/clock';
import type { TicketNoteView } from '@/lib/schemas/support';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { toTicketNoteView } from './list-customer-tickets';

// A person confirms (the note joins the ticket) or discards a drafted note. Only a draft can be
// decided: the conditional update makes a second click from another tab a 409, not a second effect.
export async function decideTicketNote(input: {
  noteId: string;
  decision: 'confirm' | 'discard';
  userId: string;
  requestId?: string;
}): Promise<TicketNoteView> {
  return getDb().$transaction(async (tx) => {
    const status = input.decision === 'confirm' ? 'confirmed' : 'discarded';
    const now = clock.now();
    const updated = await tx.supportTicketNote.updateMany({
      where: { id: input.noteId, status: 'draft' },
      data: { status, decidedById: input.userId, decidedAt: now },
    });
    const note = await tx.supportTicketNote.findUnique({ where: { id: input.noteId } });
    if (!note) throw notFound('Ticket note');
    if (updated.count === 0) throw conflict('note_already_decided', `This note was already ${note.status}`);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: input.userId },
      action: `ticket_note.${status}`,
      target: { type: 'support_ticket', id: note.ticketId },
      customerId: note.customerId,
      requestId: input.requestId,
      sourceRef: note.agentRunId ? `agent_runs:${note.agentRunId}` : null,
      before: { noteId: note.id, status: 'draft' },
      after: { noteId: note.id, status },
    });
    return toTicketNoteView(note);
  });
}
