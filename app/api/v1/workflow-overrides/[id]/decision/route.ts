// POST /api/v1/workflow-overrides/:id/decision — a second admin approves or rejects an override
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { overrideDecisionBody, overrideResponse } from '@/lib/schemas/workflows';
import { decideAutopilotOverride } from '@/lib/server/actions/autonomy/decide-autopilot-override';

export const POST = withApi({
  auth: 'session',
  capability: 'policies.edit',
  schemas: { params: idParams, body: overrideDecisionBody, response: overrideResponse },
  handler: ({ user, params, body, requestId }) => decideAutopilotOverride(user, params.id, body, requestId),
});
