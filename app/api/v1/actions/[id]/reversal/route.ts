// POST /api/v1/actions/:id/reversal — record that an executed action was undone (demotes its workflow)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { reversalBody, reversalResponse } from '@/lib/schemas/workflows';
import { recordActionReversal } from '@/lib/server/actions/autonomy/record-action-reversal';

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { params: idParams, body: reversalBody, response: reversalResponse },
  handler: ({ user, params, body, requestId }) => recordActionReversal(user, params.id, body.reason, requestId),
});
