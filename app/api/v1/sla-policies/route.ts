// GET /api/v1/sla-policies — SLA policies per plan (every role)
import { withApi } from '@/lib/api/with-api';
import { slaPolicyListResponse } from '@/lib/schemas/sla';
import { listSlaPolicies } from '@/lib/server/sla-policies/list-sla-policies';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { response: slaPolicyListResponse },
  handler: async () => ({ items: await listSlaPolicies() }),
});
