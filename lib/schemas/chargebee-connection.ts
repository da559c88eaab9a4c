import { z } from 'zod';
import { connectionTestResult } from './billing-connection';

// Settings → Billing platform → Chargebee. The API key is write-only: the browser sees its hint.

/** acme, acme-test, or the whole host (acme.chargebee.com) as the Chargebee UI shows it. */
const site = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^https?:\/\//, '').replace(/\.chargebee\.com\/?$/, ''))
  .pipe(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'The Chargebee site name, e.g. acme-test (from acme-test.chargebee.com)'),
  );

export const chargebeeConnectionBody = z.object({
  site,
  apiKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_]{16,200}$/, 'A Chargebee API key (Settings → Configure Chargebee → API keys)'),
});
export type ChargebeeConnectionInput = z.infer<typeof chargebeeConnectionBody>;

export const chargebeeConnectionView = z.object({
  /** Where the credentials in use come from: the environment wins over the console. */
  source: z.enum(['env', 'console']).nullable(),
  site: z.string().nullable(),
  keyHint: z.string().nullable(),
  /** The site's domain and catalog as the last test read them. */
  accountName: z.string().nullable(),
  testedAt: z.string().nullable(),
  missingPermissions: z.array(z.string()),
  webhook: z.object({
    url: z.string().nullable(),
    events: z.array(z.string()),
    /** CHARGEBEE_WEBHOOK_USERNAME and CHARGEBEE_WEBHOOK_PASSWORD are both set. */
    credentialsConfigured: z.boolean(),
  }),
});
export type ChargebeeConnectionView = z.infer<typeof chargebeeConnectionView>;

export const chargebeeConnectionTestResult = connectionTestResult;
