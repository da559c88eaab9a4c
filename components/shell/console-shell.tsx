import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionUser } from '@/lib/auth/roles';
import { CommandPalette } from './command-palette';
import { Sidebar } from './sidebar';
import { ThemeSwitch } from './theme-switch';
import { UserMenu } from './user-menu';

function Brand() {
  return (
    <Link href="/approvals" className="flex items-center gap-2 px-6 py-5">
      <span className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">T</span>
      <span className="text-base font-semibold tracking-tight">Tollgate</span>
    </Link>
  );
}

// From md up the sidebar is a fixed column; below md it collapses into a "Menu" disclosure in a
// top bar (a native <details>, so it opens with the keyboard and needs no script).
export function ConsoleShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="sticky top-0 hidden h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
        <Brand />
        <CommandPalette role={user.role} />
        <div className="flex-1 overflow-y-auto">
          <Sidebar role={user.role} />
        </div>
        <ThemeSwitch />
        <UserMenu user={user} />
      </aside>
      <header className="relative flex items-center justify-between border-b border-slate-200 bg-white pr-4 md:hidden">
        <Brand />
        <details>
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 [&::-webkit-details-marker]:hidden">
            Menu
          </summary>
          <div className="absolute inset-x-0 top-full z-20 border-b border-slate-200 bg-white pb-3 shadow-md">
            <Sidebar role={user.role} />
            <ThemeSwitch />
            <UserMenu user={user} />
          </div>
        </details>
      </header>
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">{children}</main>
    </div>
  );
}
