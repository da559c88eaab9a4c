// GET /api/v1/workflows — every agent workflow with its phase, evidence, caps and history
import { withApi } from '@/lib/api/with-api';
import { workflowListResponse } from '@/lib/schemas/workflows';
import { listWorkflows } from '@/lib/server/actions/autonomy/list-workflows';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { response: workflowListResponse },
  handler: () => listWorkflows(),
});
