'use client';
import { useState, type FormEvent } from 'react';
import type { CrmProviderName, IntegrationView } from '@/lib/schemas/integrations';
import {
  useCreateIntegration,
  useIntegrations,
  useSendIntegrationTest,
  useSendTestEmail,
  useUpdateIntegration,
} from '@/lib/queries/use-integrations';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';
import { QueryState } from '@/components/ui/query-state';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { CRM_PROVIDER_LABELS, CrmProviderFields, readCredentials, urlLabelFor } from './crm-provider-fields';

const KIND_LABELS = { slack: 'Slack', crm: 'CRM', email: 'E-mail relay' } as const;

// Admins add the destinations approved messages go to. The URL is write-only: it is sent once,
// stored encrypted, and shown afterwards only as its host.
export function IntegrationsAdmin() {
  const { data, isLoading, error } = useIntegrations();
  const create = useCreateIntegration();
  const [kind, setKind] = useState<IntegrationView['kind']>('slack');
  const [provider, setProvider] = useState<CrmProviderName>('webhook');
  const crmApi = kind === 'crm' && provider !== 'webhook';

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    const label = String(f.get('label') ?? '');
    const created = await create
      .mutateAsync({
        kind: f.get('kind') as IntegrationView['kind'],
        name: String(f.get('name')),
        url: String(f.get('url')),
        label: label || undefined,
        ...(kind === 'crm' ? { provider, credentials: crmApi ? readCredentials(provider, f) : undefined } : {}),
      })
      .catch(() => null);
    if (created) formEl.reset();
  }

  return (
    <Card title="Integrations">
      <div className="flex flex-col gap-4">
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Add integration">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            Kind
            <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as IntegrationView['kind'])}>
              {Object.entries(KIND_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            Name
            <Input name="name" required maxLength={100} />
          </label>
          {kind === 'crm' ? <CrmProviderFields provider={provider} onProvider={setProvider} /> : null}
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {kind === 'crm' ? urlLabelFor(provider) : 'Webhook URL (stored encrypted)'}
            <Input name="url" type={crmApi ? 'url' : 'password'} required autoComplete="off" />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            Label (e.g. #revops)
            <Input name="label" maxLength={100} />
          </label>
          <Button type="submit" disabled={create.isPending}>
            Add integration
          </Button>
          {create.error ? <p className="w-full text-sm text-red-700">{create.error.message}</p> : null}
        </form>
        <QueryState isLoading={isLoading} error={error}>
          <Table>
            <THead>
              <tr>
                <Th>Integration</Th>
                <Th>Kind</Th>
                <Th>Status</Th>
                <Th />
              </tr>
            </THead>
            <TBody>
              {data?.items.map((i) => (
                <IntegrationRow key={i.id} integration={i} />
              ))}
            </TBody>
          </Table>
        </QueryState>
      </div>
    </Card>
  );
}

function IntegrationRow({ integration: i }: { integration: IntegrationView }) {
  const update = useUpdateIntegration();
  const test = useSendIntegrationTest();
  const testEmail = useSendTestEmail();
  const [url, setUrl] = useState('');
  const [testTo, setTestTo] = useState('');
  const isEmail = i.kind === 'email';
  const tested = isEmail ? testEmail.data : test.data;
  return (
    <Tr data-testid="integration-row">
      <Td>
        <div className="font-medium">{i.name}</div>
        <div className="text-xs text-slate-500">
          {i.secretHint}
          {i.config.label ? ` · ${i.config.label}` : ''}
        </div>
      </Td>
      <Td>
        {KIND_LABELS[i.kind]}
        {i.config.provider && i.config.provider !== 'webhook' ? ` · ${CRM_PROVIDER_LABELS[i.config.provider]}` : ''}
      </Td>
      <Td>{i.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
      <Td className="text-right">
        <div className="flex flex-wrap items-center justify-end gap-2">
          <Input
            aria-label={`New URL for ${i.name}`}
            type="password"
            placeholder="Replace URL"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <Button
            variant="secondary"
            disabled={!url || update.isPending}
            onClick={() => update.mutate({ id: i.id, url }, { onSuccess: () => setUrl('') })}
          >
            Save
          </Button>
          {isEmail ? (
            <Input
              aria-label={`Test recipient for ${i.name}`}
              type="email"
              placeholder="Send test to…"
              value={testTo}
              onChange={(e) => setTestTo(e.target.value)}
            />
          ) : null}
          <Button
            variant="secondary"
            disabled={isEmail ? !testTo || testEmail.isPending : test.isPending}
            onClick={() => (isEmail ? testEmail.mutate({ id: i.id, to: testTo }) : test.mutate(i.id))}
          >
            Send test
          </Button>
          <Button variant="secondary" onClick={() => update.mutate({ id: i.id, disabled: !i.disabled })}>
            {i.disabled ? 'Enable' : 'Disable'}
          </Button>
        </div>
        {tested ? (
          <p className={tested.ok ? 'text-xs text-emerald-700' : 'text-xs text-red-700'} data-testid="integration-test">
            {'code' in tested && tested.code ? `${tested.code}: ` : ''}
            {tested.message}
          </p>
        ) : null}
        {update.error || test.error || testEmail.error ? (
          <p className="text-xs text-red-700">{(update.error ?? test.error ?? testEmail.error)?.message}</p>
        ) : null}
      </Td>
    </Tr>
  );
}
