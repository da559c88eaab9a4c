'use client';
import { useState, type FormEvent } from 'react';
import type { ConnectionTestResult } from '@/lib/schemas/billing-connection';
import {
  useBillingConnection,
  useRemoveStripeKey,
  useSaveStripeKey,
  useTestStripeConnection,
} from '@/lib/queries/use-billing-connection';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';
import { ConnectionTestButton, ConnectionTestOutcome } from './connection-test-outcome';

// The Stripe key: from STRIPE_SECRET_KEY (shown as such, not editable here) or entered once and
// stored encrypted. "Test connection" names the account, its mode and the reads the key lacks.
export function StripeConnectionCard() {
  const { data, isLoading, error } = useBillingConnection();
  const save = useSaveStripeKey();
  const remove = useRemoveStripeKey();
  const test = useTestStripeConnection();
  const [result, setResult] = useState<ConnectionTestResult | null>(null);

  async function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const secretKey = String(new FormData(form).get('secretKey') ?? '');
    if (await save.mutateAsync({ secretKey }).catch(() => null)) {
      form.reset();
      setResult(await test.mutateAsync().catch(() => null));
    }
  }

  return (
    <Card title="Stripe connection">
      <QueryState isLoading={isLoading} error={error}>
        {data ? (
          <div className="flex flex-col gap-4 text-sm">
            <div className="flex flex-wrap items-center gap-2" data-testid="stripe-key-status">
              {data.source ? (
                <>
                  <Badge tone={data.keyMode === 'live' ? 'amber' : 'blue'}>
                    {data.keyMode === 'live' ? 'Live mode' : 'Test mode'}
                  </Badge>
                  <span>
                    Key <code>{data.keyHint}</code> from{' '}
                    {data.source === 'env' ? 'STRIPE_SECRET_KEY (environment)' : 'the console (stored encrypted)'}
                  </span>
                  {data.accountId ? (
                    <span className="text-slate-600">
                      · account <code>{data.accountId}</code>
                      {data.accountName ? ` (${data.accountName})` : ''}
                    </span>
                  ) : null}
                </>
              ) : (
                <Badge tone="gray">Not connected</Badge>
              )}
            </div>
            {data.source !== 'env' ? (
              <form onSubmit={onSave} className="flex flex-wrap items-end gap-2" aria-label="Stripe key">
                <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
                  Secret or restricted key (sk_… / rk_…), stored encrypted
                  <Input name="secretKey" type="password" required autoComplete="off" className="w-96" />
                </label>
                <Button type="submit" disabled={save.isPending}>
                  {data.source ? 'Replace key' : 'Connect'}
                </Button>
                {data.source === 'console' ? (
                  <Button type="button" variant="secondary" onClick={() => remove.mutate()} disabled={remove.isPending}>
                    Disconnect
                  </Button>
                ) : null}
                {save.error ? <p className="w-full text-sm text-red-700">{save.error.message}</p> : null}
              </form>
            ) : (
              <p className="text-slate-600">
                The environment’s key takes precedence; change it where the server is configured.
              </p>
            )}
            <ConnectionTestButton
              disabled={!data.source}
              pending={test.isPending}
              testedAt={data.testedAt}
              error={test.error}
              onTest={async () => setResult(await test.mutateAsync().catch(() => null))}
            />
            {result ? (
              <ConnectionTestOutcome result={result} />
            ) : data.missingPermissions.length ? (
              <p className="text-amber-800">
                The key cannot read: {data.missingPermissions.join(', ')}. Grant read access to these in Stripe.
              </p>
            ) : null}
          </div>
        ) : null}
      </QueryState>
    </Card>
  );
}
