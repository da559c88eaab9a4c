// PATCH /api/v1/workflows/:id/caps — a workflow's own autopilot caps (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { updateWorkflowCapsBody, workflowCapsResponse } from '@/lib/schemas/workflows';
import { updateWorkflowCaps } from '@/lib/server/actions/autonomy/update-workflow-caps';

export const PATCH = withApi({
  auth: 'session',
  capability: 'policies.edit',
  schemas: { params: idParams, body: updateWorkflowCapsBody, response: workflowCapsResponse },
  handler: ({ user, params, body, requestId }) => updateWorkflowCaps(user, params.id, body, requestId),
});
