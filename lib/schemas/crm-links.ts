import { z } from 'zod';

// Which CRM record a customer is (per provider). Tasks are associated from here at delivery.
export const crmLinkProvider = z.enum(['salesforce', 'hubspot', 'gainsight']);
const crmId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

// What each CRM's record ids look like, so a mistyped id is refused at the field instead of
// failing later when a task is delivered: Salesforce ids are 15/18 characters with the object's
// key prefix (001 Account, 003 Contact), HubSpot record ids are numeric, Gainsight GSIDs alphanumeric.
const RECORD_ID_FORMAT: Record<z.infer<typeof crmLinkProvider>, { account: RegExp; contact: RegExp; hint: string }> = {
  salesforce: {
    account: /^001[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/,
    contact: /^003[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/,
    hint: 'a 15- or 18-character Salesforce id (Account 001…, Contact 003…)',
  },
  hubspot: { account: /^\d{1,20}$/, contact: /^\d{1,20}$/, hint: 'a numeric HubSpot record id' },
  gainsight: { account: /^[A-Za-z0-9]{1,40}$/, contact: /^[A-Za-z0-9]{1,40}$/, hint: 'an alphanumeric Gainsight GSID' },
};

export const saveCrmLinkBody = z
  .object({
    provider: crmLinkProvider,
    accountId: crmId,
    contactId: crmId.nullable().optional(),
    ownerName: z.string().trim().min(1).max(200).nullable().optional(),
    ownerExternalId: crmId.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    const f = RECORD_ID_FORMAT[b.provider];
    if (!f.account.test(b.accountId))
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: `Expected ${f.hint}` });
    if (b.contactId && !f.contact.test(b.contactId))
      ctx.addIssue({ code: 'custom', path: ['contactId'], message: `Expected ${f.hint}` });
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
