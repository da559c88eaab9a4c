// POST /api/v1/tickets/:id/notes — draft a ticket note (e.g. a copilot answer); a person confirms it (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { draftTicketNoteBody, ticketNoteView } from '@/lib/schemas/support';
import { draftTicketNote } from '@/lib/server/support/draft-ticket-note';

export const POST = withApi({
  auth: 'session',
  capability: 'support.copilot',
  status: 201,
  schemas: { params: idParams, body: draftTicketNoteBody, response: ticketNoteView },
  handler: ({ params, body, user, requestId }) =>
    draftTicketNote({
      ticketId: params.id,
      body: body.body,
      conversationId: body.conversationId,
      userId: user.id,
      requestId,
    }),
});
