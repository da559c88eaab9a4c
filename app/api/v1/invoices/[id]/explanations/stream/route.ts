// POST /api/v1/invoices/:id/explanations/stream — explain again, streaming the draft as text/plain,
// then EXPLANATION_STREAM_SEPARATOR and the stored, checked result as JSON (revops, admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { EXPLANATION_STREAM_SEPARATOR, explanationStreamResult } from '@/lib/schemas/invoices';
import { streamStoredInvoiceExplanation } from '@/lib/server/invoices/stream-stored-invoice-explanation';

export const POST = withApi({
  auth: 'session',
  capability: 'invoices.explain',
  schemas: { params: idParams },
  handler: async ({ params, user, requestId }) => {
    // Errors before the first byte (unknown invoice) get the usual envelope and status.
    const stream = await streamStoredInvoiceExplanation({
      invoiceId: params.id,
      trigger: { type: 'on_demand', ref: `invoices:${params.id}`, requestedBy: user.id },
      actor: { type: 'user', id: user.id },
      requestId,
    });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        // The reader may have gone; the explanation is still stored (see the domain function).
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {}
        };
        try {
          for await (const delta of stream.textStream) send(delta);
          send(EXPLANATION_STREAM_SEPARATOR + JSON.stringify(explanationStreamResult.parse(await stream.done)));
        } catch (err) {
          console.error(`[invoices] streamed explanation failed (request ${requestId}):`, err);
          send(
            EXPLANATION_STREAM_SEPARATOR +
              JSON.stringify({
                error: { code: 'explanation_failed', message: 'The explanation could not be produced', requestId },
              }),
          );
        } finally {
          try {
            controller.close();
          } catch {}
        }
      },
    });
    return new Response(body, {
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  },
});
