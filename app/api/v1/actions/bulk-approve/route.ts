// POST /api/v1/actions/bulk-approve — approve several low-risk actions; a verdict per item (revops, admin)
import { withApi } from '@/lib/api/with-api';
import { bulkApproveBody } from '@/lib/schemas/actions';
import { bulkApproveActions } from '@/lib/server/actions/bulk-approve-actions';

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { body: bulkApproveBody },
  handler: async ({ user, body, requestId }) => ({ results: await bulkApproveActions(user, body.items, requestId) }),
});
