import { redirect } from 'next/navigation';
import { can, rolesWith, type Capability } from './capabilities';
import { getSessionUser } from './get-session-user';
import type { Role, SessionUser } from './roles';

export type PageAccess = { user: SessionUser; allowed: boolean; needs: readonly Role[] };

// For page shells: no session → /login; a session without the capability → allowed=false, and
// the page renders its "not allowed" state (a 403 in spirit; pages cannot set a status code).
export async function requirePageUser(capability: Capability, from: string): Promise<PageAccess> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  return { user, allowed: can(user, capability), needs: rolesWith(capability) };
}
