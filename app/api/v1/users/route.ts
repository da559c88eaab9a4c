// GET /api/v1/users — list users (admin); POST /api/v1/users — create a user (admin)
import { withApi } from '@/lib/api/with-api';
import { createUserBody, userListResponse, userView } from '@/lib/schemas/users';
import { createUser } from '@/lib/server/users/create-user';
import { listUsers } from '@/lib/server/users/list-users';

export const GET = withApi({
  auth: 'session',
  capability: 'users.manage',
  schemas: { response: userListResponse },
  handler: async () => ({ items: await listUsers() }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'users.manage',
  schemas: { body: createUserBody, response: userView },
  status: 201,
  handler: async ({ user, body, requestId }) => createUser(user, body, requestId),
});
