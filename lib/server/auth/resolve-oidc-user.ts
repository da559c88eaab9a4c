import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { SessionUser } from '@/lib/auth/roles';
import { clock } from '@/lib/clock';

// An OIDC sign-in maps to a Tollgate user by verified e-mail. Unknown people are refused unless
// OIDC_AUTO_PROVISION_ROLE names the role they get (admins can change it later in Settings).
export async function resolveOidcUser(
  emailInput: string | null | undefined,
  name: string | null | undefined,
): Promise<SessionUser | null> {
  const email = emailInput?.trim().toLowerCase();
  if (!email) return null;
  const db = getDb();
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (existing) {
    if (existing.disabledAt) return null;
    await db.user.update({ where: { id: existing.id }, data: { lastLoginAt: clock.now() } });
    return { id: existing.id, email: existing.email, name: existing.name, role: existing.role };
  }
  const role = getEnv().OIDC_AUTO_PROVISION_ROLE;
  if (!role) return null;
  const created = await db.user.create({ data: { email, name: name ?? email, role, lastLoginAt: clock.now() } });
  return { id: created.id, email: created.email, name: created.name, role: created.role };
}
