'use client';
import { useState, type FormEvent } from 'react';
import type { ConnectionTestResult } from '@/lib/schemas/billing-connection';
import {
  useChargebeeConnection,
  useRemoveChargebeeConnection,
  useSaveChargebeeConnection,
  useTestChargebeeConnection,
} from '@/lib/queries/use-chargebee-connection';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';
import { ConnectionTestButton, ConnectionTestOutcome } from './connection-test-outcome';

// Chargebee: a site and an API key, from CHARGEBEE_SITE / CHARGEBEE_API_KEY (shown, not editable
// here) or entered once with the key stored encrypted; "Test connection" goes through the SDK.
// Webhooks need the Basic-auth pair in the environment, set on the webhook in Chargebee too.
export function ChargebeeConnectionCard() {
  const { data, isLoading, error } = useChargebeeConnection();
  const save = useSaveChargebeeConnection();
  const remove = useRemoveChargebeeConnection();
  const test = useTestChargebeeConnection();
  const [result, setResult] = useState<ConnectionTestResult | null>(null);

  async function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fields = new FormData(form);
    const input = { site: String(fields.get('site') ?? ''), apiKey: String(fields.get('apiKey') ?? '') };
    if (await save.mutateAsync(input).catch(() => null)) {
      form.reset();
      setResult(await test.mutateAsync().catch(() => null));
    }
  }

  return (
    <Card title="Chargebee connection">
      <QueryState isLoading={isLoading} error={error}>
        {data ? (
          <div className="flex flex-col gap-4 text-sm">
            <div className="flex flex-wrap items-center gap-2" data-testid="chargebee-status">
              {data.source ? (
                <span>
                  Site <code>{data.site}</code> with key <code>{data.keyHint}</code> from{' '}
                  {data.source === 'env'
                    ? 'CHARGEBEE_SITE / CHARGEBEE_API_KEY (environment)'
                    : 'the console (stored encrypted)'}
                </span>
              ) : (
                <Badge tone="gray">Not connected</Badge>
              )}
            </div>
            {data.source !== 'env' ? (
              <form onSubmit={onSave} className="flex flex-wrap items-end gap-2" aria-label="Chargebee site and key">
                <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
                  Site (acme-test for acme-test.chargebee.com)
                  <Input name="site" required autoComplete="off" className="w-56" />
                </label>
                <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
                  Full-access API key, stored encrypted
                  <Input name="apiKey" type="password" required autoComplete="off" className="w-80" />
                </label>
                <Button type="submit" disabled={save.isPending}>
                  {data.source ? 'Replace' : 'Connect'}
                </Button>
                {data.source === 'console' ? (
                  <Button type="button" variant="secondary" onClick={() => remove.mutate()} disabled={remove.isPending}>
                    Disconnect
                  </Button>
                ) : null}
                {save.error ? <p className="w-full text-sm text-red-700">{save.error.message}</p> : null}
              </form>
            ) : null}
            <ConnectionTestButton
              disabled={!data.source}
              pending={test.isPending}
              testedAt={data.testedAt}
              error={test.error}
              onTest={async () => setResult(await test.mutateAsync().catch(() => null))}
            />
            {result ? <ConnectionTestOutcome result={result} /> : null}
            <p className="text-slate-600">
              Webhook: in Chargebee add <code>{data.webhook.url ?? '<console URL>/api/webhooks/chargebee'}</code> with
              “Protect webhook URL” on, using the pair in CHARGEBEE_WEBHOOK_USERNAME / CHARGEBEE_WEBHOOK_PASSWORD
              {data.webhook.credentialsConfigured ? ' (set).' : ' — not set yet: deliveries are answered 503.'}
            </p>
          </div>
        ) : null}
      </QueryState>
    </Card>
  );
}
