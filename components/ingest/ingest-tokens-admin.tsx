'use client';
import { useIngestTokens, useRevokeIngestToken } from '@/lib/queries/use-ingest';
import { formatDateTime } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { CreateIngestTokenForm } from './create-ingest-token-form';

export function IngestTokensAdmin() {
  const { data, isLoading, error } = useIngestTokens();
  const revoke = useRevokeIngestToken();
  return (
    <Card title="Ingest tokens">
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-600">
          Meters and gateways send usage to <code>POST /api/v1/usage</code> and ask{' '}
          <code>POST /api/v1/entitlements/check</code> with <code>Authorization: Bearer &lt;token&gt;</code>. Each token
          belongs to a source; idempotency keys are unique per source.
        </p>
        <CreateIngestTokenForm />
        {revoke.error ? <p className="text-sm text-red-700">{revoke.error.message}</p> : null}
        <QueryState isLoading={isLoading} error={error}>
          {data?.items.length ? (
            <Table>
              <THead>
                <tr>
                  <Th>Token</Th>
                  <Th>Source</Th>
                  <Th>Created</Th>
                  <Th>Status</Th>
                  <Th />
                </tr>
              </THead>
              <TBody>
                {data.items.map((t) => (
                  <Tr key={t.id} data-testid="token-row">
                    <Td>
                      <div className="font-medium">{t.name}</div>
                      <div className="font-mono text-xs text-slate-500">{t.prefix}…</div>
                    </Td>
                    <Td className="font-mono text-xs">
                      {t.source}
                      <div className="font-sans text-slate-500">{t.scopes.join(', ')}</div>
                    </Td>
                    <Td className="text-xs text-slate-500">
                      {formatDateTime(t.createdAt)}
                      {t.createdBy ? ` · ${t.createdBy}` : ''}
                      {t.expiresAt ? <div>expires {formatDateTime(t.expiresAt)}</div> : null}
                    </Td>
                    <Td>{t.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}</Td>
                    <Td className="text-right">
                      {t.revokedAt ? null : (
                        <Button
                          variant="secondary"
                          disabled={revoke.isPending}
                          onClick={() => {
                            if (window.confirm(`Revoke "${t.name}"? Senders using it are refused at once.`))
                              revoke.mutate(t.id);
                          }}
                        >
                          Revoke
                        </Button>
                      )}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          ) : (
            <EmptyState title="No ingest tokens yet">Create one for each system that sends usage.</EmptyState>
          )}
        </QueryState>
      </div>
    </Card>
  );
}
