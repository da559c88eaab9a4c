import { redirect } from 'next/navigation';
import { getSessionUser } from './get-session-user';
import type { Role, SessionUser } from './roles';

export type PageAccess = { user: SessionUser; allowed: boolean };

// For page shells: no session → /login; a session without the role → allowed=false, and the
// page renders its "not allowed" state (a 403 in spirit; pages cannot set a status code).
export async function requirePageUser(roles?: readonly Role[], from?: string): Promise<PageAccess> {
  const user = await getSessionUser();
  if (!user) redirect(from ? `/login?callbackUrl=${encodeURIComponent(from)}` : '/login');
  return { user, allowed: !roles || roles.includes(user.role) };
}
