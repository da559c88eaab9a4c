// POST /api/v1/actions/:id/cancel — withdraw a pending action (policy's approver roles)
import { withApi } from '@/lib/api/with-api';
import { cancelActionBody } from '@/lib/schemas/actions';
import { idParams } from '@/lib/schemas/common';
import { cancelAction } from '@/lib/server/actions/cancel-action';

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { params: idParams, body: cancelActionBody },
  handler: ({ user, params, body, requestId }) => cancelAction(user, params.id, body.reason, requestId),
});
