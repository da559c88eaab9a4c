import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { ConsoleShell } from '@/components/shell/console-shell';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePageUser();
  return <ConsoleShell user={user}>{children}</ConsoleShell>;
}
