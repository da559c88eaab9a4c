import type { NextAuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getEnv, requireAuthSecret } from '@/lib/env';
import { authenticateWithPassword } from '@/lib/auth/authenticate-with-password';
import { clientAddress } from './client-address';
import { safeCallbackUrl } from './safe-callback-url';
import { findIdentityUserId, resolveOidcUser } from '@/lib/auth/resolve-oidc-user';
import { currentSessionVersion, endSessions } from '@/lib/auth/load-session-user';

interface OidcProfile {
  iss?: string;
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

export interface AuthRequestContext {
  // The user already signed in on this browser when an OIDC callback arrives (links SSO on request).
  sessionUserId?: string | null;
}

// Generic OpenID Connect (Okta, Google Workspace, Entra ID …), enabled when its three variables are set.
function oidcProvider(): OAuthConfig<OidcProfile>[] {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: 'oidc',
      name: env.OIDC_DISPLAY_NAME,
      type: 'oauth',
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.email ?? null }),
    },
  ];
}

export function isOidcEnabled(): boolean {
  return oidcProvider().length > 0;
}

function oidcIssuer(profile: unknown): string {
  const iss = (profile as OidcProfile | undefined)?.iss;
  return iss ?? getEnv().OIDC_ISSUER!.replace(/\/$/, '');
}

// Built per request (not at import) so `next build` needs no secret and tests can vary env.
export function getAuthOptions(context: AuthRequestContext = {}): NextAuthOptions {
  return {
    secret: requireAuthSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const source = clientAddress(req.headers, getEnv().TRUSTED_PROXY_HOPS);
          const result = await authenticateWithPassword(credentials.email, credentials.password, source);
          if (!result.ok) {
            if (result.reason === 'rate_limited') throw new Error('rate_limited');
            return null;
          }
          return { id: result.user.id, email: result.user.email, name: result.user.name };
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackUrl(url, baseUrl)}`,
      async signIn({ account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const p = profile as OidcProfile | undefined;
        const result = await resolveOidcUser(
          {
            issuer: oidcIssuer(p),
            subject: account.providerAccountId,
            email: p?.email,
            emailVerified: p?.email_verified,
            name: p?.name,
          },
          context.sessionUserId ?? null,
        );
        return result.ok ? true : `/login?error=sso_${result.reason}`;
      },
      async jwt({ token, user, account, profile }) {
        if (!user) return token;
        const uid =
          account?.provider === 'oidc'
            ? await findIdentityUserId(oidcIssuer(profile), account.providerAccountId)
            : user.id;
        const sv = uid ? await currentSessionVersion(uid) : null;
        if (uid && sv !== null) Object.assign(token, { uid, sv });
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.uid === 'string') await endSessions(token.uid);
      },
    },
  };
}
