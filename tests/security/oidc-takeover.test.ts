import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { parseEnv, resetEnvForTests } from '@/lib/env';
import { hashPassword } from '@/lib/auth/password';
import { requestSsoLink } from '@/lib/auth/resolve-oidc-user';
import { FakeOidcIssuer, type IssuedClaims } from '../fixtures/fake-oidc-issuer';
import { uniq } from '../helpers/fresh-database';
import { AUTH_ORIGIN, AuthBrowser } from './helpers/auth-browser';

// Finding #9: OIDC users were matched by e-mail without checking email_verified, so an IdP
// account asserting an admin's address signed in as that admin. These run next-auth's real OAuth
// code flow (PKCE, state, ID-token signature) against a local OIDC issuer.

let issuer: FakeOidcIssuer;

class Browser extends AuthBrowser {
  // The whole authorization-code flow; returns where the console sends the browser and who it
  // now is (null: no session).
  async signInWithOidc(claims: IssuedClaims, sessionUserId: string | null = null) {
    const start = await this.call('/api/auth/signin/oidc', sessionUserId, {
      csrfToken: await this.csrf(),
      callbackUrl: '/approvals',
      json: 'true',
    });
    const authorizationUrl = start.redirect ?? (start.body as { url: string }).url;
    expect(authorizationUrl.startsWith(`${issuer.url}/authorize`)).toBe(true);
    const callback = new URL(issuer.authorize(authorizationUrl, claims));
    const done = await this.call(`${callback.pathname}${callback.search}`, sessionUserId);
    return { redirect: done.redirect ?? '', uid: (await this.session())?.uid ?? null };
  }
}

async function passwordUser(role: 'admin' | 'support' = 'admin') {
  const email = `${uniq('victim')}@example.test`;
  return getDb().user.create({
    data: { email, name: 'Victim', role, passwordHash: await hashPassword('a private passphrase') },
  });
}

beforeAll(async () => {
  issuer = await new FakeOidcIssuer().start();
  Object.assign(process.env, {
    NEXTAUTH_URL: AUTH_ORIGIN,
    OIDC_ISSUER: issuer.url,
    OIDC_CLIENT_ID: 'tollgate',
    OIDC_CLIENT_SECRET: 'tollgate-client-secret',
  });
  delete process.env.OIDC_AUTO_PROVISION_ROLE;
  resetEnvForTests();
});

afterAll(async () => {
  await issuer.close();
  for (const k of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_AUTO_PROVISION_ROLE'])
    delete process.env[k];
  resetEnvForTests();
});

describe('OIDC sign-in never takes over an existing account by e-mail', () => {
  it('refuses an unverified e-mail that matches an admin', async () => {
    const admin = await passwordUser();
    const result = await new Browser().signInWithOidc({ sub: uniq('sub'), email: admin.email, email_verified: false });
    expect(result.uid).toBeNull();
    expect(result.redirect).toContain('error=sso_unverified_email');
    expect(await getDb().userIdentity.count({ where: { userId: admin.id } })).toBe(0);
  });

  it('refuses an e-mail without email_verified at all', async () => {
    const admin = await passwordUser();
    const result = await new Browser().signInWithOidc({ sub: uniq('sub'), email: admin.email });
    expect(result.uid).toBeNull();
  });

  it('refuses a verified e-mail that matches a password account until its owner links it', async () => {
    const admin = await passwordUser();
    const result = await new Browser().signInWithOidc({ sub: uniq('sub'), email: admin.email, email_verified: true });
    expect(result.uid).toBeNull();
    expect(result.redirect).toContain('error=sso_link_required');
  });

  it('a signed-in session alone does not link: the owner must ask first', async () => {
    const admin = await passwordUser();
    const result = await new Browser().signInWithOidc(
      { sub: uniq('sub'), email: admin.email, email_verified: true },
      admin.id,
    );
    expect(result.uid).toBeNull();
  });

  it('a link request older than ten minutes has lapsed', async () => {
    const admin = await passwordUser();
    await getDb().user.update({ where: { id: admin.id }, data: { ssoLinkRequestedAt: new Date('2020-01-01') } });
    const result = await new Browser().signInWithOidc({ sub: uniq('sub'), email: admin.email }, admin.id);
    expect(result.uid).toBeNull();
  });
});

describe('linking by issuer + subject', () => {
  it('the owner links while signed in; later sign-ins match the subject, not the e-mail', async () => {
    const admin = await passwordUser();
    const sub = uniq('sub');
    await requestSsoLink(admin.id);
    const linked = await new Browser().signInWithOidc({ sub, email: 'whatever@idp.test' }, admin.id);
    expect(linked.uid).toBe(admin.id);
    const identity = await getDb().userIdentity.findUniqueOrThrow({
      where: { issuer_subject: { issuer: issuer.url, subject: sub } },
    });
    expect(identity.userId).toBe(admin.id);
    expect(await getDb().auditEvent.count({ where: { action: 'user.sso_linked', targetId: admin.id } })).toBe(1);

    const later = await new Browser().signInWithOidc({ sub, email: 'renamed@idp.test', email_verified: true });
    expect(later.uid).toBe(admin.id);
    // The request was consumed: another subject cannot ride on it.
    const other = await new Browser().signInWithOidc({ sub: uniq('sub'), email: admin.email }, admin.id);
    expect(other.uid).toBeNull();
  });

  it('an invited SSO-only user is bound on first sign-in by a verified e-mail, and only once', async () => {
    const invited = await getDb().user.create({
      data: { email: `${uniq('invited')}@example.test`, name: 'Invited', role: 'revops' },
    });
    const first = await new Browser().signInWithOidc({ sub: uniq('sub'), email: invited.email, email_verified: true });
    expect(first.uid).toBe(invited.id);
    const impostor = await new Browser().signInWithOidc({
      sub: uniq('sub'),
      email: invited.email,
      email_verified: true,
    });
    expect(impostor.uid).toBeNull();
  });

  it('a disabled user cannot sign in through a linked identity', async () => {
    const user = await passwordUser('support');
    const sub = uniq('sub');
    await requestSsoLink(user.id);
    expect((await new Browser().signInWithOidc({ sub }, user.id)).uid).toBe(user.id);
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await new Browser().signInWithOidc({ sub })).uid).toBeNull();
  });
});

describe('auto-provisioning', () => {
  it('creates a user with the configured role and its identity', async () => {
    process.env.OIDC_AUTO_PROVISION_ROLE = 'support';
    resetEnvForTests();
    try {
      const email = `${uniq('new')}@example.test`;
      const result = await new Browser().signInWithOidc({ sub: uniq('sub'), email, email_verified: true });
      const user = await getDb().user.findUniqueOrThrow({ where: { email }, include: { identities: true } });
      expect(result.uid).toBe(user.id);
      expect(user.role).toBe('support');
      expect(user.identities).toHaveLength(1);
    } finally {
      delete process.env.OIDC_AUTO_PROVISION_ROLE;
      resetEnvForTests();
    }
  });

  it('can never be configured to grant admin', () => {
    expect(() => parseEnv({ OIDC_AUTO_PROVISION_ROLE: 'admin' })).toThrow(/OIDC_AUTO_PROVISION_ROLE/);
  });
});
