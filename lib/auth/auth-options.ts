import type { NextAuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getEnv, requireAuthSecret } from '@/lib/env';
import { authenticateWithPassword } from '@/lib/server/auth/authenticate-with-password';
import { clientAddress } from './client-address';
import { safeCallbackUrl } from './safe-callback-url';
import { resolveOidcUser } from '@/lib/server/auth/resolve-oidc-user';

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
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

// Built per request (not at import) so `next build` needs no secret and tests can vary env.
export function getAuthOptions(): NextAuthOptions {
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
          const result = await authenticateWithPassword(
            credentials.email,
            credentials.password,
            clientAddress(req.headers, getEnv().TRUSTED_PROXY_HOPS),
          );
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
      async signIn({ account, user }) {
        if (account?.provider !== 'oidc') return true;
        return Boolean(await resolveOidcUser(user.email, user.name));
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === 'oidc') {
          const resolved = await resolveOidcUser(user.email, user.name);
          if (resolved) token.uid = resolved.id;
        } else if (user) {
          token.uid = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid };
      },
    },
  };
}
