// GET /api/v1/users — list users (admin); POST /api/v1/users — create a user (admin)
import { withApi } from '@/lib/api/with-api';
import { createUserBody, userListResponse, userView } from '@/lib/schemas/users';
import { createUser } from '@/lib/server/users/create-user';
import { listUsers } from '@/lib/server/users/list-users';

export const GET = withApi({
  auth: 'session',
  roles: ['admin'],
  schemas: { response: userListResponse },
  handler: async () => ({ items: await listUsers() }),
});

export const POST = withApi({
  auth: 'session',
  roles: ['admin'],
  schemas: { body: createUserBody, response: userView },
  handler: async ({ user, body, requestId }) => Response.json(await createUser(user, body, requestId), { status: 201 }),
});
