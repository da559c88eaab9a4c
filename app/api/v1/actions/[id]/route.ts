// GET /api/v1/actions/:id — an action with revisions, decisions, evidence and what you may do
import { withApi } from '@/lib/api/with-api';
import { actionDetail } from '@/lib/schemas/actions';
import { idParams } from '@/lib/schemas/common';
import { getAction } from '@/lib/server/actions/get-action';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: actionDetail },
  handler: ({ user, params }) => getAction(user, params.id),
});
