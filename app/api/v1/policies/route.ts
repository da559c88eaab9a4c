// GET /api/v1/policies — automation policies per action kind (every role reads; admins change)
import { withApi } from '@/lib/api/with-api';
import { policyListResponse } from '@/lib/schemas/policies';
import { listPolicies } from '@/lib/server/actions/policies/list-policies';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { response: policyListResponse },
  handler: async () => ({ items: await listPolicies() }),
});
