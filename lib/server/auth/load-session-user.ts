import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';

// The session token only names the user; role and status are read fresh on every request, so a
// role change or a disabled account takes effect at once rather than when the JWT expires.
export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
