import { getDb, type Db, type Tx } from '@/lib/db';
import { getEnv } from '@/lib/env';

export interface EmailBrand {
  companyName: string;
  logoUrl: string | null;
  color: string;
  from: string;
  replyTo: string | null;
  publicUrl: string;
}

/** The deployment's configured brand (lib/env): the default until an admin saves one in Settings. */
export function environmentBrand(): EmailBrand {
  const env = getEnv();
  return {
    companyName: env.EMAIL_COMPANY_NAME,
    logoUrl: env.EMAIL_LOGO_URL ?? null,
    color: env.EMAIL_BRAND_COLOR,
    from: env.EMAIL_FROM,
    replyTo: env.EMAIL_REPLY_TO ?? null,
    publicUrl: (env.EMAIL_PUBLIC_URL ?? env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
  };
}

// The one reader of the sender's identity and look: every template, the approval preview, the
// sender (From, Message-ID domain) and the unsubscribe page call it, so a rebrand saved in
// Settings applies to the next render everywhere — never a template edit. Read per message, not
// cached: a saved brand applies at once on every worker. The public URL stays configuration (it
// is where this deployment answers, not a brand choice).
export async function getEmailBrand(db: Db | Tx = getDb()): Promise<EmailBrand> {
  const base = environmentBrand();
  const row = await db.emailBrandSetting.findUnique({ where: { id: 'default' } });
  if (!row) return base;
  return {
    ...base,
    companyName: row.companyName,
    logoUrl: row.logoUrl,
    color: row.color,
    from: row.fromAddress,
    replyTo: row.replyTo,
  };
}
