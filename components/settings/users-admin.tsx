'use client';
import { useUpdateUser, useUsers } from '@/lib/queries/use-users';
import { formatDateTime } from '@/lib/format';
import type { Role } from '@/lib/auth/roles';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Select } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { CreateUserForm } from './create-user-form';

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const { data, isLoading, error } = useUsers();
  const update = useUpdateUser();
  return (
    <Card title="Users and roles">
      <div className="flex flex-col gap-4">
        <CreateUserForm />
        {update.error ? (
          <p className="text-sm text-red-700" data-testid="update-user-error">
            {update.error.message}
          </p>
        ) : null}
        <QueryState isLoading={isLoading} error={error}>
          <Table>
            <THead>
              <tr>
                <Th>User</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>Last sign-in</Th>
                <Th />
              </tr>
            </THead>
            <TBody>
              {data?.items.map((u) => (
                <Tr key={u.id} data-testid="user-row">
                  <Td>
                    <div className="font-medium">
                      {u.name}
                      {u.id === currentUserId ? ' (you)' : ''}
                    </div>
                    <div className="text-xs text-slate-500">{u.email}</div>
                  </Td>
                  <Td>
                    <Select
                      aria-label={`Role of ${u.email}`}
                      value={u.role}
                      disabled={update.isPending}
                      onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}
                    >
                      <option value="admin">Admin</option>
                      <option value="revops">RevOps</option>
                      <option value="support">Support</option>
                    </Select>
                  </Td>
                  <Td>{u.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
                  <Td className="text-xs text-slate-500">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'never'}</Td>
                  <Td className="text-right">
                    <Button
                      variant="secondary"
                      disabled={update.isPending}
                      onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                    >
                      {u.disabled ? 'Enable' : 'Disable'}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </QueryState>
      </div>
    </Card>
  );
}
