import type { Db, Tx } from '@/lib/db';
import type { ActionPayload } from '@/lib/schemas/action-kinds';
import { EMAIL_TEMPLATES } from '@/lib/schemas/email-templates';
import { getEmailBrand } from './brand';
import { renderEmail, type RenderedEmail } from './render-email';
import { signUnsubscribeToken } from './unsubscribe-token';

export interface ComposedEmail extends RenderedEmail {
  from: string;
  replyTo: string | null;
  to: string;
  headers: Record<string, string>;
}

// The account owner named on the customer (metadata.accountOwnerEmail), when a valid address.
async function accountOwnerOf(db: Db | Tx, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const c = await db.customer.findUnique({ where: { id: customerId }, select: { metadata: true } });
  const owner = (c?.metadata as { accountOwnerEmail?: unknown } | null)?.accountOwnerEmail;
  return typeof owner === 'string' && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(owner) ? owner : null;
}

// Everything a transport needs except ids: rendered parts, From / Reply-To for the template, and
// the one-click unsubscribe headers (RFC 2369 + RFC 8058) on non-transactional mail. The approval
// preview calls this too, so the reviewer sees the From, Reply-To and footer the recipient will.
export async function composeEmail(
  db: Db | Tx,
  payload: ActionPayload<'email'>,
  customerId: string | null,
): Promise<ComposedEmail> {
  const brand = await getEmailBrand(db);
  const template = EMAIL_TEMPLATES[payload.template ?? 'plain'];
  const token = signUnsubscribeToken(payload.to);
  const oneClick = `${brand.publicUrl}/api/v1/email/unsubscribe?token=${token}`;
  const page = `${brand.publicUrl}/unsubscribe?token=${token}`;
  const rendered = await renderEmail(payload, { brand, unsubscribeUrl: page });
  const owner = template.replyTo === 'account_owner' ? await accountOwnerOf(db, customerId) : null;
  return {
    ...rendered,
    from: brand.from,
    replyTo: payload.replyTo ?? owner ?? brand.replyTo,
    to: payload.to,
    headers: rendered.transactional
      ? {}
      : { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
