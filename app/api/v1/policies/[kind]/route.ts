// PATCH /api/v1/policies/:kind — change an action kind's automation policy (admin)
import { withApi } from '@/lib/api/with-api';
import { policyKindParams, policyView, updatePolicyBody } from '@/lib/schemas/policies';
import { updatePolicy } from '@/lib/server/actions/policies/update-policy';

export const PATCH = withApi({
  auth: 'session',
  capability: 'policies.edit',
  schemas: { params: policyKindParams, body: updatePolicyBody, response: policyView },
  handler: ({ user, params, body, requestId }) => updatePolicy(user, params.kind, body, requestId),
});
