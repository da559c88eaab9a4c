import Chargebee from 'chargebee';
import { getEnv } from '@/lib/env';

export interface ChargebeeCredentials {
  /** The site's subdomain: acme for acme.chargebee.com, acme-test for its test site. */
  site: string;
  apiKey: string;
}

// The SDK addresses https://<site>.chargebee.com. CHARGEBEE_API_BASE (a local fake in tests)
// replaces that host: the SDK builds its URL as protocol://site+hostSuffix:port, so the base's
// host goes in as the "site" with an empty suffix, and the real site name is only ours to show.
export function chargebeeClientFor(credentials: ChargebeeCredentials): Chargebee {
  const base = getEnv().CHARGEBEE_API_BASE;
  const timeout = 30_000;
  if (!base) return new Chargebee({ site: credentials.site, apiKey: credentials.apiKey, timeout });
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Chargebee({
    site: url.hostname,
    hostSuffix: '',
    protocol,
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
    apiKey: credentials.apiKey,
    timeout,
  });
}
