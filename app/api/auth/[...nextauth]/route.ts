// /api/auth/* — next-auth (sign-in, sign-out, session, CSRF token, OIDC callback)
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/auth-options';

const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(req as never, ctx as never, getAuthOptions());

export { handler as GET, handler as POST };
