// POST /api/v1/email/preview — render an e-mail payload exactly as its recipient would get it
import { withApi } from '@/lib/api/with-api';
import { emailPreview, emailPreviewBody } from '@/lib/schemas/email';
import { previewEmail } from '@/lib/server/email/preview-email';

export const POST = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { body: emailPreviewBody, response: emailPreview },
  handler: ({ body }) => previewEmail(body.payload, body.customerId ?? null),
});
