import { z } from 'zod';

export const integrationKind = z.enum(['slack', 'crm', 'email']);

// What the browser sees: never the URL, only its host as a hint.
export const integrationView = z.object({
  id: z.string(),
  kind: integrationKind,
  name: z.string(),
  config: z.object({ label: z.string().optional() }),
  secretHint: z.string(),
  disabled: z.boolean(),
  updatedAt: z.string(),
});
export type IntegrationView = z.infer<typeof integrationView>;
export const integrationListResponse = z.object({ items: z.array(integrationView) });

// E-mail integrations may also be SMTP or a provider (lib/server/email/transports/email-transport-url).
const destinationUrl = z.url({ protocol: /^(https?|smtps?|postmark|sendgrid|resend)$/ }).max(2000);
const isWebUrl = (url: string) => /^https?:/i.test(url);

export const createIntegrationBody = z
  .object({
    kind: integrationKind,
    name: z.string().trim().min(1).max(100),
    url: destinationUrl,
    label: z.string().trim().max(100).optional(),
  })
  .refine((b) => b.kind === 'email' || isWebUrl(b.url), {
    path: ['url'],
    message: 'Slack and CRM integrations take an https URL',
  });
export type CreateIntegrationInput = z.infer<typeof createIntegrationBody>;

export const updateIntegrationBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    url: destinationUrl.optional(), // omitted: the stored secret is kept (updates of a non-email kind: https only, checked on save)
    label: z.string().trim().max(100).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationBody>;

export const integrationTestResult = z.object({ ok: z.boolean(), status: z.number().nullable(), message: z.string() });
