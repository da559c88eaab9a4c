import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { UsersAdmin } from '@/components/settings/users-admin';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { user } = await requirePageUser(undefined, '/settings');
  return (
    <>
      <PageHeader title="Settings" />
      <div className="flex flex-col gap-6">
        <Card title="Your account">
          <p className="text-sm">{user.name} · {user.email} · {ROLE_LABELS[user.role]}</p>
        </Card>
        {user.role === 'admin' ? <UsersAdmin currentUserId={user.id} /> : <p className="text-sm text-slate-500">Users, roles and ingest tokens are managed by admins.</p>}
      </div>
    </>
  );
}
