import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionUser } from '@/lib/auth/roles';
import { CommandPalette } from './command-palette';
import { Sidebar } from './sidebar';
import { ThemeSwitch } from './theme-switch';
import { UserMenu } from './user-menu';

export function ConsoleShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
        <Link href="/approvals" className="flex items-center gap-2 px-6 py-5">
          <span className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
            T
          </span>
          <span className="text-base font-semibold tracking-tight">Tollgate</span>
        </Link>
        <CommandPalette role={user.role} />
        <div className="flex-1 overflow-y-auto">
          <Sidebar role={user.role} />
        </div>
        <ThemeSwitch />
        <UserMenu user={user} />
      </aside>
      <main className="min-w-0 flex-1 px-8 py-8">{children}</main>
    </div>
  );
}
