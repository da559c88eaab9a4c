import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';

// The session token only names the user and the session version it was issued under; role and
// status are read fresh on every request, so a role change or a disabled account takes effect at
// once, and a token from before a sign-out, password reset or role change no longer works.
export async function loadSessionUser(userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function currentSessionVersion(userId: string): Promise<number | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

// Sign-out ends the session everywhere: a copied token stops working too.
export async function endSessions(userId: string): Promise<void> {
  await getDb().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
