import type { ReactNode } from 'react';
import { getSessionUser } from '@/lib/auth/get-session-user';
import { ConsoleShell } from '@/components/shell/console-shell';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  // Without a session, each page shell redirects to /login with its own path as callbackUrl
  // (a layout cannot know the path); the data behind every page is guarded by its API route.
  if (!user) return children;
  return <ConsoleShell user={user}>{children}</ConsoleShell>;
}
