// POST /api/v1/actions/:id/approve — approve the named revision (policy's approver roles)
import { withApi } from '@/lib/api/with-api';
import { approveActionBody, decisionResult } from '@/lib/schemas/actions';
import { idParams } from '@/lib/schemas/common';
import { decideAction } from '@/lib/server/actions/decide-action';

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { params: idParams, body: approveActionBody, response: decisionResult },
  handler: ({ user, params, body, requestId }) =>
    decideAction(user, params.id, { ...body, decision: 'approved' }, requestId),
});
