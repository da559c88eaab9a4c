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

const webhookUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const createIntegrationBody = z.object({
  kind: integrationKind,
  name: z.string().trim().min(1).max(100),
  url: webhookUrl,
  label: z.string().trim().max(100).optional(),
});
export type CreateIntegrationInput = z.infer<typeof createIntegrationBody>;

export const updateIntegrationBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    url: webhookUrl.optional(), // omitted: the stored secret is kept
    label: z.string().trim().max(100).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationBody>;

export const integrationTestResult = z.object({ ok: z.boolean(), status: z.number().nullable(), message: z.string() });
