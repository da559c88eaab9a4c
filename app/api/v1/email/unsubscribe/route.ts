// POST /api/v1/email/unsubscribe?token=… — one-click unsubscribe (RFC 8058), public, signed token
import { withApi } from '@/lib/api/with-api';
import { unsubscribeQuery, unsubscribeResult } from '@/lib/schemas/email';
import { unsubscribeAddress } from '@/lib/server/email/unsubscribe-address';

// Mail clients POST `List-Unsubscribe=One-Click` as a form without cookies; the token is the
// authentication, so there is no body to parse and no session.
export const POST = withApi({
  auth: 'webhook',
  schemas: { query: unsubscribeQuery, response: unsubscribeResult },
  handler: async ({ query, requestId }) => ({
    unsubscribed: true as const,
    ...(await unsubscribeAddress(query.token, requestId)),
  }),
});
