import { getDb } from '@/lib/db';
import type { UserView } from '@/lib/schemas/users';
import { toUserView, userViewSelect } from './user-view';

export async function listUsers(): Promise<UserView[]> {
  const users = await getDb().user.findMany({
    orderBy: [{ disabledAt: 'asc' }, { email: 'asc' }],
    select: userViewSelect,
  });
  return users.map(toUserView);
}
