// POST /api/v1/workflows/:id/phase — promote to autopilot (criteria must hold) or move back (admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { setWorkflowPhaseBody, setWorkflowPhaseResponse } from '@/lib/schemas/workflows';
import { setWorkflowPhase } from '@/lib/server/actions/autonomy/set-workflow-phase';

export const POST = withApi({
  auth: 'session',
  capability: 'policies.edit',
  schemas: { params: idParams, body: setWorkflowPhaseBody, response: setWorkflowPhaseResponse },
  handler: ({ user, params, body, requestId }) => setWorkflowPhase(user, params.id, body, requestId),
});
