// PATCH /api/v1/users/:id — change name, role, status or password (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { updateUserBody, userView } from '@/lib/schemas/users';
import { updateUser } from '@/lib/server/users/update-user';

export const PATCH = withApi({
  auth: 'session',
  capability: 'users.manage',
  schemas: { params: idParams, body: updateUserBody, response: userView },
  handler: ({ user, params, body, requestId }) => updateUser(user, params.id, body, requestId),
});
