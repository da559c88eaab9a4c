// GET /api/v1/email/messages?customerId=…|actionId=… — delivery status of e-mails sent
import { withApi } from '@/lib/api/with-api';
import { emailDeliveriesQuery, emailDeliveriesResponse } from '@/lib/schemas/email';
import { listEmailDeliveries } from '@/lib/server/email/list-email-deliveries';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: emailDeliveriesQuery, response: emailDeliveriesResponse },
  handler: async ({ query, user }) => ({ items: await listEmailDeliveries(query, user) }),
});
