import { getServerSession } from 'next-auth';
import { getAuthOptions } from './auth-options';
import type { SessionUser } from './roles';
import { loadSessionUser } from '@/lib/auth/load-session-user';

// The signed-in user for this request (server components and route handlers), or null.
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(getAuthOptions())) as { uid?: unknown; sv?: unknown } | null;
  if (typeof session?.uid !== 'string' || typeof session.sv !== 'number') return null;
  return loadSessionUser(session.uid, session.sv);
}
