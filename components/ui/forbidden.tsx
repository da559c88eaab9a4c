import type { Role } from '@/lib/auth/roles';
import { ROLE_LABELS } from '@/lib/auth/roles';

export function Forbidden({ role, needs }: { role: Role; needs: readonly Role[] }) {
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 px-6 py-10 text-center" data-testid="forbidden">
      <h2 className="text-base font-semibold text-amber-900">You don’t have access to this page</h2>
      <p className="mt-1 text-sm text-amber-800">
        It needs the {needs.map((r) => ROLE_LABELS[r]).join(' or ')} role; you are signed in as {ROLE_LABELS[role]}. Ask
        an admin if you need it.
      </p>
    </div>
  );
}
