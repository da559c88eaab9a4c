'use client';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '@/lib/format';
import {
  useCreateCustomerKey,
  useCustomerKeys,
  useRevokeCustomerKey,
  useRotateCustomerKey,
} from '@/lib/queries/use-customer-keys';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';
import { SecretShownOnce } from '@/components/ui/secret-shown-once';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';

// The keys this customer calls the API with — the key a gateway sends with each entitlement
// check. Everyone sees prefixes; admins make, rotate and revoke keys (a new key is shown once).
export function CustomerApiKeysCard({ customerId, canManage }: { customerId: string; canManage: boolean }) {
  const { data, isLoading, error } = useCustomerKeys(customerId);
  const create = useCreateCustomerKey(customerId);
  const rotate = useRotateCustomerKey();
  const revoke = useRevokeCustomerKey();
  const [shown, setShown] = useState<string | null>(null);
  const failure = create.error ?? rotate.error ?? revoke.error;

  async function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const created = await create.mutateAsync(String(new FormData(form).get('name'))).catch(() => null);
    if (created) {
      setShown(created.key);
      form.reset();
    }
  }

  return (
    <Card title="API keys" className="lg:col-span-full">
      <div className="flex flex-col gap-3">
        {canManage ? (
          <form onSubmit={onCreate} className="flex flex-wrap items-end gap-2" aria-label="Create API key">
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              Name
              <Input name="name" required maxLength={120} placeholder="Production" />
            </label>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create key'}
            </Button>
          </form>
        ) : null}
        {shown ? (
          <SecretShownOnce label="API key" secret={shown} testId="new-key" onDone={() => setShown(null)} />
        ) : null}
        {failure ? <p className="text-sm text-red-700">{failure.message}</p> : null}
        <QueryState isLoading={isLoading} error={error}>
          {data?.items.length ? (
            <Table>
              <THead>
                <tr>
                  <Th>Key</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>Status</Th>
                  {canManage ? <Th /> : null}
                </tr>
              </THead>
              <TBody>
                {data.items.map((k) => (
                  <Tr key={k.id} data-testid="customer-key-row">
                    <Td>
                      <div className="font-medium">{k.name}</div>
                      <div className="font-mono text-xs text-slate-500">{k.prefix}…</div>
                    </Td>
                    <Td className="text-xs text-slate-500">{formatDateTime(k.createdAt)}</Td>
                    <Td className="text-xs text-slate-500">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : '—'}</Td>
                    <Td>{k.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}</Td>
                    {canManage ? (
                      <Td className="flex justify-end gap-2">
                        {k.revokedAt ? null : (
                          <>
                            <Button
                              variant="secondary"
                              disabled={rotate.isPending}
                              onClick={async () => {
                                if (!window.confirm(`Rotate "${k.name}"? The current key stops working now.`)) return;
                                const r = await rotate.mutateAsync(k.id).catch(() => null);
                                if (r) setShown(r.created.key);
                              }}
                            >
                              Rotate
                            </Button>
                            <Button
                              variant="secondary"
                              disabled={revoke.isPending}
                              onClick={() => {
                                if (window.confirm(`Revoke "${k.name}"? Calls with it are refused at once.`))
                                  revoke.mutate(k.id);
                              }}
                            >
                              Revoke
                            </Button>
                          </>
                        )}
                      </Td>
                    ) : null}
                  </Tr>
                ))}
              </TBody>
            </Table>
          ) : (
            <p className="text-sm text-slate-500">
              No API keys. {canManage ? 'Create one, or register keys from your gateway.' : ''}
            </p>
          )}
        </QueryState>
      </div>
    </Card>
  );
}
