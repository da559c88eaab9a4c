'use client';
import type { CrmProviderName } from '@/lib/schemas/integrations';
import { Input, Select } from '@/components/ui/input';

export const CRM_PROVIDER_LABELS: Record<CrmProviderName, string> = {
  webhook: 'Webhook (JSON POST)',
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  gainsight: 'Gainsight',
};

// The base URL each API provider needs in the URL field, and its write-only credentials.
const URL_HINT: Record<CrmProviderName, string> = {
  webhook: 'Webhook URL (stored encrypted)',
  salesforce: 'My Domain URL, e.g. https://acme.my.salesforce.com',
  hubspot: 'API base URL, e.g. https://api.hubapi.com',
  gainsight: 'Gainsight domain, e.g. https://acme.gainsightcloud.com',
};
const FIELDS: Record<CrmProviderName, { name: string; label: string }[]> = {
  webhook: [],
  salesforce: [
    { name: 'clientId', label: 'Connected app consumer key' },
    { name: 'clientSecret', label: 'Consumer secret' },
  ],
  hubspot: [{ name: 'token', label: 'Private app access token' }],
  gainsight: [{ name: 'accessKey', label: 'REST API access key' }],
};

export const urlLabelFor = (provider: CrmProviderName) => URL_HINT[provider];

/** The credential fields of `provider` as a `credentials` object, from the form (empty ones left out). */
export function readCredentials(provider: CrmProviderName, form: FormData): Record<string, string> | undefined {
  const entries = FIELDS[provider].map((f) => [f.name, String(form.get(f.name) ?? '').trim()] as const);
  const filled = entries.filter(([, v]) => v);
  return filled.length ? Object.fromEntries(filled) : undefined;
}

// Provider choice and credential inputs of a CRM integration: password inputs, sent once, sealed
// on the server and never shown again.
export function CrmProviderFields({
  provider,
  onProvider,
}: {
  provider: CrmProviderName;
  onProvider: (p: CrmProviderName) => void;
}) {
  return (
    <>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Provider
        <Select name="provider" value={provider} onChange={(e) => onProvider(e.target.value as CrmProviderName)}>
          {Object.entries(CRM_PROVIDER_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </label>
      {FIELDS[provider].map((f) => (
        <label key={f.name} className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {f.label} (stored encrypted)
          <Input name={f.name} type="password" required autoComplete="off" />
        </label>
      ))}
    </>
  );
}
