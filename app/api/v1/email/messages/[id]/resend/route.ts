// POST /api/v1/email/messages/:id/resend — resend, once, an e-mail whose delivery is unknown (revops, admin)
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { resendEmailBody, resendEmailResult } from '@/lib/schemas/email';
import { resendEmail } from '@/lib/server/email/resend-email';

export const POST = withApi({
  auth: 'session',
  capability: 'email.resend',
  schemas: { params: z.object({ id: z.string().min(1).max(100) }), body: resendEmailBody, response: resendEmailResult },
  handler: ({ user, params, requestId }) => resendEmail(user, params.id, requestId),
});
