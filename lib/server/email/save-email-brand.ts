import { getDb, type Tx } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import type { EmailBrandInput, EmailBrandView } from '@/lib/schemas/email-brand';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { environmentBrand } from './brand';

// Settings → E-mail branding: read, save and reset the stored brand. Save and reset write their
// audit event (before and after) in the transaction that changes the row, under the row's lock
// so two admins saving at once leave a consistent before/after chain.

const brandOf = (b: {
  companyName: string;
  logoUrl: string | null;
  color: string;
  from: string;
  replyTo: string | null;
}) => ({
  companyName: b.companyName,
  logoUrl: b.logoUrl,
  color: b.color,
  from: b.from,
  replyTo: b.replyTo,
});

async function readView(tx: Tx): Promise<EmailBrandView> {
  const defaults = brandOf(environmentBrand());
  const row = await tx.emailBrandSetting.findUnique({ where: { id: 'default' } });
  if (!row) return { ...defaults, source: 'environment', updatedAt: null, defaults };
  return {
    ...brandOf({ ...row, from: row.fromAddress }),
    source: 'settings',
    updatedAt: row.updatedAt.toISOString(),
    defaults,
  };
}

export const getEmailBrandView = () => getDb().$transaction((tx) => readView(tx));

const lockBrandRow = (tx: Tx) => tx.$executeRaw`SELECT id FROM email_brand_settings WHERE id = 'default' FOR UPDATE`;

export async function saveEmailBrand(
  actor: SessionUser,
  input: EmailBrandInput,
  requestId: string,
): Promise<EmailBrandView> {
  return getDb().$transaction(async (tx) => {
    await lockBrandRow(tx);
    const before = await readView(tx);
    const data = {
      companyName: input.companyName,
      logoUrl: input.logoUrl,
      color: input.color.toLowerCase(),
      fromAddress: input.from,
      replyTo: input.replyTo,
      updatedById: actor.id,
    };
    await tx.emailBrandSetting.upsert({ where: { id: 'default' }, update: data, create: { id: 'default', ...data } });
    const after = await readView(tx);
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'email_brand.updated',
      target: { type: 'email_brand', id: 'default' },
      requestId,
      before: before.source === 'settings' ? brandOf(before) : { source: 'environment', ...brandOf(before) },
      after: brandOf(after),
    });
    return after;
  });
}

/** Back to the EMAIL_* environment values: the stored row is removed (audited). */
export async function resetEmailBrand(actor: SessionUser, requestId: string): Promise<EmailBrandView> {
  return getDb().$transaction(async (tx) => {
    await lockBrandRow(tx);
    const before = await readView(tx);
    if (before.source === 'environment') return before;
    await tx.emailBrandSetting.delete({ where: { id: 'default' } });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'email_brand.reset',
      target: { type: 'email_brand', id: 'default' },
      requestId,
      before: brandOf(before),
      after: { source: 'environment', ...before.defaults },
    });
    return readView(tx);
  });
}
