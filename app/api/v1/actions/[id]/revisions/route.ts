// POST /api/v1/actions/:id/revisions — edit a pending action: adds a revision (policy's approver roles)
import { withApi } from '@/lib/api/with-api';
import { editActionBody, editActionResponse } from '@/lib/schemas/actions';
import { idParams } from '@/lib/schemas/common';
import { editAction } from '@/lib/server/actions/edit-action';

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { params: idParams, body: editActionBody, response: editActionResponse },
  status: 201,
  handler: async ({ user, params, body, requestId }) => editAction(user, params.id, body, requestId),
});
