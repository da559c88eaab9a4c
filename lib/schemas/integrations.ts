import { z } from 'zod';

export const integrationKind = z.enum(['slack', 'crm', 'email']);
// CRM integrations either POST JSON to a webhook or speak a vendor's API (lib/server/integrations/crm).
export const crmProvider = z.enum(['webhook', 'salesforce', 'hubspot', 'gainsight']);
export type CrmProviderName = z.infer<typeof crmProvider>;

// What the browser sees: never the URL, only its host as a hint.
export const integrationView = z.object({
  id: z.string(),
  kind: integrationKind,
  name: z.string(),
  config: z.object({ label: z.string().optional(), provider: crmProvider.optional() }),
  secretHint: z.string(),
  disabled: z.boolean(),
  updatedAt: z.string(),
});
export type IntegrationView = z.infer<typeof integrationView>;
export const integrationListResponse = z.object({ items: z.array(integrationView) });

// E-mail integrations may also be SMTP or a provider (lib/server/email/transports/email-transport-url).
const destinationUrl = z.url({ protocol: /^(https?|smtps?|postmark|sendgrid|resend)$/ }).max(2000);
const isWebUrl = (url: string) => /^https?:/i.test(url);

// Write-only credentials of a vendor API: sealed with the URL, never returned.
export const crmCredentials = z.object({
  clientId: z.string().trim().min(1).max(500).optional(),
  clientSecret: z.string().trim().min(1).max(500).optional(),
  apiVersion: z
    .string()
    .regex(/^\d+\.\d$/)
    .optional(),
  token: z.string().trim().min(1).max(500).optional(),
  accessKey: z.string().trim().min(1).max(500).optional(),
});
export type CrmCredentials = z.infer<typeof crmCredentials>;

const NEEDS: Record<Exclude<CrmProviderName, 'webhook'>, (keyof CrmCredentials)[]> = {
  salesforce: ['clientId', 'clientSecret'],
  hubspot: ['token'],
  gainsight: ['accessKey'],
};

export const createIntegrationBody = z
  .object({
    kind: integrationKind,
    name: z.string().trim().min(1).max(100),
    /** The webhook URL; for a CRM API its base URL (Salesforce My Domain, api.hubapi.com, the Gainsight
     * domain); for e-mail also an SMTP or provider URL (lib/server/email/transports/email-transport-url). */
    url: destinationUrl,
    label: z.string().trim().max(100).optional(),
    provider: crmProvider.optional(),
    credentials: crmCredentials.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind !== 'email' && !isWebUrl(b.url))
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'Slack and CRM integrations take an https URL' });
    if (b.provider && b.provider !== 'webhook' && b.kind !== 'crm')
      ctx.addIssue({ code: 'custom', path: ['provider'], message: 'Only CRM integrations have a provider' });
    if (b.provider && b.provider !== 'webhook')
      for (const k of NEEDS[b.provider])
        if (!b.credentials?.[k])
          ctx.addIssue({ code: 'custom', path: ['credentials', k], message: `${b.provider} needs ${k}` });
  });
export type CreateIntegrationInput = z.infer<typeof createIntegrationBody>;

export const updateIntegrationBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    url: destinationUrl.optional(), // omitted: the stored secret is kept (updates of a non-email kind: https only, checked on save)
    credentials: crmCredentials.optional(), // merged into the stored ones (a CRM API integration)
    label: z.string().trim().max(100).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationBody>;

export const integrationTestResult = z.object({ ok: z.boolean(), status: z.number().nullable(), message: z.string() });

export const emailTestBody = z.object({ to: z.email('Enter the address to send the test e-mail to') });
/** An e-mail integration's test: what the transport answered, or why it failed (`code`). */
export const emailTestResult = integrationTestResult.extend({
  code: z.string().nullable(),
  transport: z.string().nullable(),
  response: z.string().nullable(),
  providerMessageId: z.string().nullable(),
});
export type EmailTestResult = z.infer<typeof emailTestResult>;
