import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { getEnv } from '@/lib/env';
import { isOidcEnabled } from '@/lib/auth/auth-options';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const safeCallback = (url: string | undefined) => safeCallbackUrl(url, getEnv().NEXTAUTH_URL);

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const params = await searchParams;
  if (await getSessionUser()) redirect(safeCallback(params.callbackUrl));
  return (
    <main className="grid min-h-screen place-items-center bg-slate-50 px-4">
      <LoginForm
        callbackUrl={safeCallback(params.callbackUrl)}
        initialError={params.error}
        oidcName={isOidcEnabled() ? getEnv().OIDC_DISPLAY_NAME : null}
      />
    </main>
  );
}
