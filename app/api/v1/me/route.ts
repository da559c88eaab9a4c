// GET /api/v1/me — the signed-in user and role
import { withApi } from '@/lib/api/with-api';

export const GET = withApi({ auth: 'session', capability: 'console.read', handler: async ({ user }) => ({ user }) });
