'use client';
import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { useRequestSsoLink } from '@/lib/queries/use-users';

// Links the identity-provider account to this Tollgate account: an explicit step taken while
// signed in, because an e-mail match alone must never hand an account to an SSO identity.
export function LinkSsoButton({ providerName }: { providerName: string }) {
  const request = useRequestSsoLink();
  return (
    <div className="mt-3 flex items-center gap-3">
      <Button
        variant="secondary"
        disabled={request.isPending}
        onClick={() =>
          request.mutate(undefined, { onSuccess: () => void signIn('oidc', { callbackUrl: '/settings' }) })
        }
      >
        Link {providerName}
      </Button>
      {request.error ? <span className="text-sm text-red-700">{request.error.message}</span> : null}
    </div>
  );
}
