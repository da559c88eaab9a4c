import { getDb, type Tx } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { SessionUser } from '@/lib/auth/roles';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { clock } from '@/lib/clock';

// A link request (Settings → "Link single sign-on") is good for this long.
export const SSO_LINK_WINDOW_MS = 10 * 60_000;

export interface OidcClaims {
  issuer: string;
  subject: string;
  email?: string | null;
  emailVerified?: unknown;
  name?: string | null;
}

export type OidcRefusal = 'disabled' | 'unverified_email' | 'link_required' | 'not_invited';
export type OidcResolution = { ok: true; user: SessionUser } | { ok: false; reason: OidcRefusal };

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  passwordHash: true,
  ssoLinkRequestedAt: true,
} as const;

// Maps an OIDC sign-in to a Tollgate user by the identity's stable issuer + subject — never by
// e-mail alone, which let any IdP account asserting an address (verified or not) take over the
// password account behind it, admins included. An identity gets linked:
//   · explicitly, by the user signed in with their own account who asked to link (sessionUserId);
//   · on first sign-in of an invited SSO-only user (no password, no identity yet), by a verified e-mail;
//   · by auto-provisioning (OIDC_AUTO_PROVISION_ROLE, which can never be admin).
// A password account with a matching e-mail is refused until its owner links it.
export async function resolveOidcUser(claims: OidcClaims, sessionUserId: string | null): Promise<OidcResolution> {
  const now = clock.now();
  return getDb().$transaction(async (tx) => {
    const identity = await tx.userIdentity.findUnique({
      where: { issuer_subject: { issuer: claims.issuer, subject: claims.subject } },
      select: { user: { select: userSelect } },
    });
    if (identity) return signedIn(tx, identity.user, now);

    if (sessionUserId) {
      const me = await tx.user.findUnique({ where: { id: sessionUserId }, select: userSelect });
      const requested = me?.ssoLinkRequestedAt?.getTime() ?? -Infinity;
      if (me && !me.disabledAt && now.getTime() - requested <= SSO_LINK_WINDOW_MS) {
        await link(tx, me.id, claims, 'user.sso_linked', { type: 'user', id: me.id });
        await tx.user.update({ where: { id: me.id }, data: { ssoLinkRequestedAt: null } });
        return signedIn(tx, me, now);
      }
    }

    const email = claims.email?.trim().toLowerCase();
    if (!email || !(claims.emailVerified === true || claims.emailVerified === 'true')) {
      return { ok: false, reason: 'unverified_email' } as const;
    }
    const existing = await tx.user.findUnique({
      where: { email },
      select: { ...userSelect, _count: { select: { identities: true } } },
    });
    if (existing) {
      if (existing.passwordHash || existing._count.identities > 0)
        return { ok: false, reason: 'link_required' } as const;
      await link(tx, existing.id, claims, 'user.sso_linked', { type: 'system', id: 'oidc-invite' });
      return signedIn(tx, existing, now);
    }

    const role = getEnv().OIDC_AUTO_PROVISION_ROLE;
    if (!role) return { ok: false, reason: 'not_invited' } as const;
    const created = await tx.user.create({
      data: { email, name: claims.name ?? email, role, lastLoginAt: now },
      select: userSelect,
    });
    await link(tx, created.id, claims, 'user.created', { type: 'system', id: 'oidc-auto-provision' });
    return signedIn(tx, created, now);
  });
}

async function signedIn(
  tx: Tx,
  user: { id: string; email: string; name: string; role: SessionUser['role']; disabledAt: Date | null },
  now: Date,
): Promise<OidcResolution> {
  if (user.disabledAt) return { ok: false, reason: 'disabled' };
  await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

async function link(
  tx: Tx,
  userId: string,
  claims: OidcClaims,
  action: string,
  actor: { type: 'user'; id: string } | { type: 'system'; id: string },
) {
  await tx.userIdentity.create({
    data: { userId, issuer: claims.issuer, subject: claims.subject, email: claims.email ?? null },
  });
  await appendAuditEvent(tx, {
    actor,
    action,
    target: { type: 'user', id: userId },
    data: { issuer: claims.issuer, subject: claims.subject, email: claims.email ?? null },
  });
}

// The user behind an already linked identity (the JWT callback, after signIn resolved it).
export async function findIdentityUserId(issuer: string, subject: string): Promise<string | null> {
  const identity = await getDb().userIdentity.findUnique({
    where: { issuer_subject: { issuer, subject } },
    select: { userId: true },
  });
  return identity?.userId ?? null;
}

// Settings → "Link single sign-on": the next OIDC sign-in made while signed in links to this user.
export async function requestSsoLink(userId: string): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { ssoLinkRequestedAt: clock.now() } });
}
