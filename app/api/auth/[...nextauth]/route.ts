// /api/auth/* — next-auth (sign-in, sign-out, session, CSRF token, OIDC callback)
import NextAuth from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { getAuthOptions } from '@/lib/auth/auth-options';
import { requireAuthSecret } from '@/lib/env';

// The current session (if any) rides along so an OIDC callback can link SSO to the signed-in user.
const handler = async (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => {
  const token = await getToken({ req: req as never, secret: requireAuthSecret() });
  const sessionUserId = typeof token?.uid === 'string' ? token.uid : null;
  return NextAuth(req as never, ctx as never, getAuthOptions({ sessionUserId }));
};

export { handler as GET, handler as POST };
