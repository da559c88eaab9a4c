// POST /api/v1/ticket-notes/:id/decision — confirm or discard a drafted ticket note (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { decideTicketNoteBody, ticketNoteView } from '@/lib/schemas/support';
import { decideTicketNote } from '@/lib/server/support/decide-ticket-note';

export const POST = withApi({
  auth: 'session',
  capability: 'support.copilot',
  schemas: { params: idParams, body: decideTicketNoteBody, response: ticketNoteView },
  handler: ({ params, body, user, requestId }) =>
    decideTicketNote({ noteId: params.id, decision: body.decision, userId: user.id, requestId }),
});
