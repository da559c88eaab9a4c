import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { ActionPayload } from '@/lib/schemas/action-kinds';
import type { EmailPreview } from '@/lib/schemas/email';
import { composeEmail } from './compose-email';

// The approval panel's preview: the same composition the transports send (From, Reply-To for the
// customer's account owner, unsubscribe footer and headers, both parts), from a payload that may
// not be saved yet — the reviewer sees an edit before saving it.
export async function previewEmail(payload: ActionPayload<'email'>, customerId: string | null): Promise<EmailPreview> {
  const db = getDb();
  if (customerId && !(await db.customer.findUnique({ where: { id: customerId }, select: { id: true } })))
    throw notFound('Customer');
  const c = await composeEmail(db, payload, customerId);
  return {
    subject: c.subject,
    from: c.from,
    replyTo: c.replyTo,
    to: c.to,
    transactional: c.transactional,
    headers: c.headers,
    html: c.html,
    text: c.text,
  };
}
