import { z } from 'zod';

// Which CRM record a customer is (per provider). Tasks are associated from here at delivery.
export const crmLinkProvider = z.enum(['salesforce', 'hubspot', 'gainsight']);
const crmId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

export const saveCrmLinkBody = z.object({
  provider: crmLinkProvider,
  accountId: crmId,
  contactId: crmId.nullable().optional(),
  ownerName: z.string().trim().min(1).max(200).nullable().optional(),
  ownerExternalId: crmId.nullable().optional(),
});
export type SaveCrmLinkInput = z.infer<typeof saveCrmLinkBody>;

export const crmLinkView = z.object({
  provider: crmLinkProvider,
  accountId: z.string(),
  contactId: z.string().nullable(),
  ownerName: z.string().nullable(),
  ownerExternalId: z.string().nullable(),
  updatedAt: z.string(),
});
export type CrmLinkView = z.infer<typeof crmLinkView>;
export const crmLinkListResponse = z.object({ items: z.array(crmLinkView) });
