import { gainsightAdapter } from './gainsight-adapter';
import { hubspotAdapter } from './hubspot-adapter';
import { salesforceAdapter } from './salesforce-adapter';
import { crmSecret, type CrmAdapter, type CrmProvider } from './crm-task';

type ApiProvider = Exclude<CrmProvider, 'webhook'>;

// The CRM providers with an API adapter, stated once: the outbox, "Send test" and the settings
// schema read this table. `webhook` (a plain JSON POST) has no entry.
export const CRM_ADAPTERS: { [P in ApiProvider]: { label: string; adapter: CrmAdapter<never> } } = {
  salesforce: { label: 'Salesforce', adapter: salesforceAdapter as CrmAdapter<never> },
  hubspot: { label: 'HubSpot', adapter: hubspotAdapter as CrmAdapter<never> },
  gainsight: { label: 'Gainsight', adapter: gainsightAdapter as CrmAdapter<never> },
};

/** The provider an integration row was configured with (`webhook` for rows from before providers). */
export function providerOf(config: unknown): CrmProvider {
  const p = (config as { provider?: string } | null)?.provider;
  return p === 'salesforce' || p === 'hubspot' || p === 'gainsight' ? p : 'webhook';
}

/** The sealed secret of an API provider, parsed (it was validated when saved). */
export function parseCrmSecret(provider: ApiProvider, plaintext: string) {
  return crmSecret[provider].parse(JSON.parse(plaintext)) as never;
}
