import { z } from 'zod';

// The e-mail brand admins edit in Settings → E-mail branding, and what the page reads back.

const NO_LINE_BREAKS = /^[^\r\n]*$/;
const isEmail = (s: string) => z.email().safeParse(s).success;

/** A bare RFC 5322 address (billing@acme.com) or a named one (Acme Billing <billing@acme.com>). */
export function isMailbox(value: string): boolean {
  const v = value.trim();
  if (!NO_LINE_BREAKS.test(v)) return false; // a line break would let a value add headers
  const named = v.match(/^(?:"([^"\\]*)"|([^<>"@,;:]+))\s*<([^<>\s]+)>$/);
  if (named) return isEmail(named[3]!);
  return isEmail(v);
}

const mailbox = (what: string) =>
  z.string().trim().max(320).refine(isMailbox, `${what} must be an e-mail address or "Name <address>"`);

export const emailBrandBody = z.object({
  companyName: z.string().trim().min(1, 'Enter the company name').max(100).regex(NO_LINE_BREAKS, 'One line only'),
  logoUrl: z
    .union([z.url({ protocol: /^https?$/, message: 'The logo must be an http(s) URL' }).max(2000), z.literal('')])
    .nullable()
    .transform((v) => v || null),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-f]{6}$/i, 'A hex colour such as #4f46e5'),
  from: mailbox('From'),
  replyTo: z
    .union([mailbox('Reply-To'), z.literal('')])
    .nullable()
    .transform((v) => v || null),
});
export type EmailBrandInput = z.infer<typeof emailBrandBody>;

const brandFields = z.object({
  companyName: z.string(),
  logoUrl: z.string().nullable(),
  color: z.string(),
  from: z.string(),
  replyTo: z.string().nullable(),
});

export const emailBrandView = brandFields.extend({
  /** `settings`: an admin's saved brand; `environment`: nothing saved, the EMAIL_* values apply. */
  source: z.enum(['settings', 'environment']),
  updatedAt: z.string().nullable(),
  /** The EMAIL_* values: what "Reset to defaults" goes back to. */
  defaults: brandFields,
});
export type EmailBrandView = z.infer<typeof emailBrandView>;
