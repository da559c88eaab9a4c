// POST /api/v1/customers/:id/copilot — ask the read-only support copilot about this customer;
// streams the draft as text/plain, then COPILOT_STREAM_SEPARATOR and the checked turn as JSON (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { COPILOT_STREAM_SEPARATOR, copilotQuestionBody, copilotTurnResult } from '@/lib/schemas/copilot';
import { answerCopilotQuestion } from '@/lib/server/copilot/answer-copilot-question';

export const POST = withApi({
  auth: 'session',
  capability: 'support.copilot',
  schemas: { params: idParams, body: copilotQuestionBody },
  handler: async ({ params, body, user, requestId }) => {
    // Errors before the first byte (unknown customer or conversation) get the usual envelope.
    const turn = await answerCopilotQuestion({
      customerId: params.id,
      question: body.question,
      conversationId: body.conversationId,
      userId: user.id,
    });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {}
        };
        try {
          for await (const delta of turn.textStream) send(delta);
          send(COPILOT_STREAM_SEPARATOR + JSON.stringify(copilotTurnResult.parse(await turn.done)));
        } catch (err) {
          console.error(`[copilot] turn failed (request ${requestId}):`, err);
          send(
            COPILOT_STREAM_SEPARATOR +
              JSON.stringify({ error: { code: 'copilot_failed', message: 'The copilot could not answer', requestId } }),
          );
        } finally {
          try {
            controller.close();
          } catch {}
        }
      },
    });
    return new Response(stream, {
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  },
});
