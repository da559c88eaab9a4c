// PUT /api/v1/sla-policies/:id — replace a plan's SLA terms: target, window, tiers, caps, maintenance (admin, audited)
import { withApi } from '@/lib/api/with-api';
import { slaPolicyFields, slaPolicyParams, slaPolicyView } from '@/lib/schemas/sla';
import { updateSlaPolicy } from '@/lib/server/sla-policies/update-sla-policy';

export const PUT = withApi({
  auth: 'session',
  capability: 'sla-policies.edit',
  schemas: { params: slaPolicyParams, body: slaPolicyFields, response: slaPolicyView },
  handler: ({ user, params, body, requestId }) => updateSlaPolicy(user, params.id, body, requestId),
});
