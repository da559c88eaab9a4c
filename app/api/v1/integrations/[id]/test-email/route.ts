// POST /api/v1/integrations/:id/test-email — send a rendered test e-mail through an e-mail integration's transport (admin)
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { emailTestBody, emailTestResult } from '@/lib/schemas/integrations';
import { sendTestEmail } from '@/lib/server/email/send-test-email';

export const POST = withApi({
  auth: 'session',
  capability: 'integrations.manage',
  schemas: { params: z.object({ id: z.string().min(1).max(100) }), body: emailTestBody, response: emailTestResult },
  handler: ({ user, params, body, requestId }) => sendTestEmail(user, params.id, body.to, requestId),
});
