// POST /api/v1/workflows/:id/overrides — request autopilot without the criteria (admin; a second admin decides)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { overrideRequestBody, overrideResponse } from '@/lib/schemas/workflows';
import { requestAutopilotOverride } from '@/lib/server/actions/autonomy/request-autopilot-override';

export const POST = withApi({
  auth: 'session',
  capability: 'policies.edit',
  status: 201,
  schemas: { params: idParams, body: overrideRequestBody, response: overrideResponse },
  handler: ({ user, params, body, requestId }) => requestAutopilotOverride(user, params.id, body.reason, requestId),
});
