import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionUser } from '@/lib/auth/roles';
import { can } from '@/lib/auth/capabilities';
import { FailedExecutionWatcher } from '@/components/approvals/failed-execution-watcher';
import { CommandPalette } from './command-palette';
import { ResponsiveFrame } from './responsive-frame';
import { Sidebar } from './sidebar';
import { ThemeSwitch } from './theme-switch';
import { UserMenu } from './user-menu';

export function ConsoleShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  return (
    <ResponsiveFrame
      sidebar={
        <>
          <Link href="/overview" className="flex items-center gap-2 px-6 py-5">
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
        </>
      }
    >
      {children}
      {can(user, 'actions.decide') ? <FailedExecutionWatcher /> : null}
    </ResponsiveFrame>
  );
}
