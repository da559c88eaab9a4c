// POST /api/v1/actions/:id/revisions — edit a pending action: adds a revision (policy's approver roles)
import { withApi } from '@/lib/api/with-api';
import { editActionBody } from '@/lib/schemas/actions';
import { idParams } from '@/lib/schemas/common';
import { editAction } from '@/lib/server/actions/edit-action';

export const POST = withApi({
  auth: 'session',
  roles: ['admin', 'revops'],
  schemas: { params: idParams, body: editActionBody },
  handler: async ({ user, params, body, requestId }) =>
    Response.json(await editAction(user, params.id, body, requestId), { status: 201 }),
});
