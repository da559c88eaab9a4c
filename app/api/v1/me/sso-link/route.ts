// POST /api/v1/me/sso-link — ask to link single sign-on to the signed-in account (next OIDC sign-in)
import { withApi } from '@/lib/api/with-api';
import { requestSsoLink } from '@/lib/auth/resolve-oidc-user';

export const POST = withApi({
  auth: 'session',
  capability: 'console.read',
  handler: async ({ user }) => {
    await requestSsoLink(user.id);
    return { requested: true };
  },
});
