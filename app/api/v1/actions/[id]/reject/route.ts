// POST /api/v1/actions/:id/reject — reject the named revision with a reason (policy's approver roles)
import { withApi } from '@/lib/api/with-api';
import { decisionResult, rejectActionBody } from '@/lib/schemas/actions';
import { idParams } from '@/lib/schemas/common';
import { decideAction } from '@/lib/server/actions/decide-action';

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { params: idParams, body: rejectActionBody, response: decisionResult },
  handler: ({ user, params, body, requestId }) =>
    decideAction(user, params.id, { ...body, decision: 'rejected' }, requestId),
});
