import { getEnv } from '@/lib/env';

export interface EmailBrand {
  companyName: string;
  logoUrl: string | null;
  color: string;
  from: string;
  replyTo: string | null;
  publicUrl: string;
}

// The sender's identity and look, from the deployment's configuration (lib/env): every template
// reads it, so a rebrand is one setting, never a template edit.
export function getEmailBrand(): EmailBrand {
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
