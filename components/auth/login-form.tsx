'use client';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'That e-mail and password do not match an active account.',
  rate_limited: 'Too many failed attempts. Wait a few minutes and try again.',
  AccessDenied: 'Your single sign-on account has no access to Tollgate. Ask an admin to invite you.',
  sso_not_invited: 'Your single sign-on account has no access to Tollgate. Ask an admin to invite you.',
  sso_unverified_email: 'Your identity provider has not verified your e-mail address, so it cannot sign you in here.',
  sso_link_required:
    'An account with this e-mail already exists. Sign in with your password, then link single sign-on in Settings.',
  sso_disabled: 'That account is disabled.',
};

export function LoginForm({
  callbackUrl,
  initialError,
  oidcName,
}: {
  callbackUrl: string;
  initialError?: string;
  oidcName: string | null;
}) {
  const [error, setError] = useState<string | null>(
    initialError ? (MESSAGES[initialError] ?? 'Sign-in failed.') : null,
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn('credentials', {
      email: form.get('email'),
      password: form.get('password'),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) window.location.assign(callbackUrl);
    else setError(MESSAGES[res?.error ?? ''] ?? 'Sign-in failed.');
  }

  return (
    <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <div className="mb-6 flex items-center gap-2">
        <span className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 font-bold text-white">T</span>
        <h1 className="text-lg font-semibold">Sign in to Tollgate</h1>
      </div>
      {/* method/action matter before hydration: a native submit must never put the password in a
          GET query string. Without a CSRF token next-auth refuses it and returns to /login. */}
      <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} className="flex flex-col gap-4">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          E-mail
          <Input name="email" type="email" autoComplete="username" required />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Password
          <Input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {oidcName ? (
        <>
          <div className="my-4 text-center text-xs uppercase tracking-wide text-slate-500">or</div>
          <Button variant="secondary" className="w-full" onClick={() => signIn('oidc', { callbackUrl })}>
            Continue with {oidcName}
          </Button>
        </>
      ) : null}
    </div>
  );
}
