// GET /api/v1/email/brand — the e-mail brand in use; PUT — save it; DELETE — back to the EMAIL_* defaults (admin)
import { withApi } from '@/lib/api/with-api';
import { emailBrandBody, emailBrandView } from '@/lib/schemas/email-brand';
import { getEmailBrandView, resetEmailBrand, saveEmailBrand } from '@/lib/server/email/save-email-brand';

export const GET = withApi({
  auth: 'session',
  capability: 'email.branding.manage',
  schemas: { response: emailBrandView },
  handler: () => getEmailBrandView(),
});

export const PUT = withApi({
  auth: 'session',
  capability: 'email.branding.manage',
  schemas: { body: emailBrandBody, response: emailBrandView },
  handler: ({ user, body, requestId }) => saveEmailBrand(user, body, requestId),
});

export const DELETE = withApi({
  auth: 'session',
  capability: 'email.branding.manage',
  schemas: { response: emailBrandView },
  handler: ({ user, requestId }) => resetEmailBrand(user, requestId),
});
