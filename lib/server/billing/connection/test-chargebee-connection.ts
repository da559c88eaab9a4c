import type Chargebee from 'chargebee';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { ConnectionTestResult, StripePermissionProbe } from '@/lib/schemas/billing-connection';
import { chargebeeClientFor } from '@/lib/server/billing/chargebee/chargebee-client';
import { asChargebeeApiError } from '@/lib/server/billing/chargebee/chargebee-errors';
import {
  CHARGEBEE_CONNECTION_ID,
  resolveChargebeeCredentials,
} from '@/lib/server/billing/chargebee/resolve-chargebee-client';

// The lists the importer reads and the credit-note read-back uses. A key without a resource's
// read permission answers 403 (api_authorization_failed): that resource is "missing".
const PROBES: { resource: string; label: string; list: (cb: Chargebee) => Promise<unknown> }[] = [
  { resource: 'item_prices', label: 'Item prices', list: (cb) => cb.itemPrice.list({ limit: 1 }) },
  { resource: 'customers', label: 'Customers', list: (cb) => cb.customer.list({ limit: 1 }) },
  { resource: 'subscriptions', label: 'Subscriptions', list: (cb) => cb.subscription.list({ limit: 1 }) },
  { resource: 'invoices', label: 'Invoices', list: (cb) => cb.invoice.list({ limit: 1 }) },
  { resource: 'credit_notes', label: 'Credit notes', list: (cb) => cb.creditNote.list({ limit: 1 }) },
];

async function probe(cb: Chargebee, p: (typeof PROBES)[number]): Promise<StripePermissionProbe> {
  try {
    await p.list(cb);
    return { resource: p.resource, label: p.label, ok: true, message: null };
  } catch (err) {
    const api = asChargebeeApiError(err);
    if (api?.http_status_code === 403) return { resource: p.resource, label: p.label, ok: false, message: api.message };
    throw err;
  }
}

const failed = (message: string): ConnectionTestResult => ({
  ok: false,
  message,
  accountId: null,
  accountName: null,
  livemode: null,
  probes: [],
});

// "Test connection" for Chargebee, through the official SDK: the site's configuration (its
// domain, and whether it runs Product Catalog 2.0, whose item prices the importer reads), then
// one page of each list. The findings are kept on the connection row for the page.
export async function testChargebeeConnection(): Promise<ConnectionTestResult> {
  const credentials = await resolveChargebeeCredentials();
  if (!credentials)
    return failed('No Chargebee site and API key: set CHARGEBEE_SITE and CHARGEBEE_API_KEY or enter them below.');
  const cb = chargebeeClientFor(credentials);
  let configuration: { domain?: string; product_catalog_version?: string } | undefined;
  try {
    configuration = (await cb.configuration.list()).configurations[0];
  } catch (err) {
    const api = asChargebeeApiError(err);
    if (api?.http_status_code === 401) return failed(`Chargebee refused the API key: ${api.message}`);
    if (api?.http_status_code === 404) return failed(`Chargebee has no site ${credentials.site}: ${api.message}`);
    return failed(`Chargebee could not be reached: ${api?.message ?? (err as Error).message}`);
  }
  if (configuration?.product_catalog_version && configuration.product_catalog_version !== 'v2') {
    return failed(
      `Site ${credentials.site} runs Product Catalog ${configuration.product_catalog_version}; Tollgate reads item prices (Product Catalog 2.0)`,
    );
  }
  const probes: StripePermissionProbe[] = [];
  try {
    for (const p of PROBES) probes.push(await probe(cb, p));
  } catch (err) {
    return failed(`Chargebee answered an error: ${asChargebeeApiError(err)?.message ?? (err as Error).message}`);
  }
  const missing = probes.filter((p) => !p.ok);
  const accountName = configuration?.domain ?? null;
  // Chargebee's test sites are separate sites, named <site>-test by convention.
  const livemode = !credentials.site.endsWith('-test');
  const facts = { accountName, livemode, testedAt: clock.now(), missingPermissions: missing.map((p) => p.resource) };
  await getDb().billingConnection.upsert({
    where: { id: CHARGEBEE_CONNECTION_ID },
    create: { id: CHARGEBEE_CONNECTION_ID, accountId: credentials.site, ...facts },
    update: facts,
  });
  const site = `${credentials.site}${accountName ? ` (${accountName})` : ''}`;
  return {
    ok: missing.length === 0,
    message: missing.length
      ? `Connected to Chargebee site ${site}, but the key cannot read: ${missing.map((p) => p.label).join(', ')}`
      : `Connected to Chargebee site ${site}`,
    accountId: credentials.site,
    accountName,
    livemode,
    probes,
  };
}
