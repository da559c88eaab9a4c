// POST /api/v1/invoices/:id/share-to-slack — draft a slack_post action with the explanation; policy and approval decide (revops, admin)
import { reply } from '@/lib/api/reply';
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { shareToSlackBody, shareToSlackResponse } from '@/lib/schemas/invoices';
import { shareInvoiceExplanationToSlack } from '@/lib/server/invoices/share-invoice-explanation-to-slack';

export const POST = withApi({
  auth: 'session',
  capability: 'invoices.explain',
  schemas: { params: idParams, body: shareToSlackBody, response: shareToSlackResponse },
  handler: async ({ params, body, user, requestId }) => {
    const result = await shareInvoiceExplanationToSlack(user, params.id, body, requestId);
    return reply(result, { status: result.actionId ? 201 : 200 });
  },
});
