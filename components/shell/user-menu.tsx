'use client';
import { signOut } from 'next-auth/react';
import { ROLE_LABELS, type SessionUser } from '@/lib/auth/roles';
import { Badge } from '@/components/ui/badge';

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="border-t border-slate-200 px-4 py-3" data-testid="user-menu">
      <div className="truncate text-sm font-medium text-slate-800">{user.name}</div>
      <div className="truncate text-xs text-slate-500">{user.email}</div>
      <div className="mt-2 flex items-center justify-between">
        <Badge tone="blue">{ROLE_LABELS[user.role]}</Badge>
        <button
          type="button"
          className="text-xs font-medium text-slate-500 hover:text-slate-800"
          onClick={() => signOut({ callbackUrl: '/login' })}
        >
          Sign out
        </button>
      </div>
    </div>
  );
}
