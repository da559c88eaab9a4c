// GET /api/v1/actions — the approval queue (every role reads; deciding is role- and policy-gated)
// POST /api/v1/actions — draft an action by hand (revops, admin); policy decides what happens next
import { reply } from '@/lib/api/reply';
import { withApi } from '@/lib/api/with-api';
import { actionListQuery, actionListResponse, proposeActionBody, proposeActionResponse } from '@/lib/schemas/actions';
import { listActions } from '@/lib/server/actions/list-actions';
import { draftAction } from '@/lib/server/actions/draft-action';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: actionListQuery, response: actionListResponse },
  handler: async ({ query }) => ({ items: await listActions(query) }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { body: proposeActionBody, response: proposeActionResponse },
  handler: async ({ user, body, requestId }) => {
    const outcome = await draftAction(user, body, requestId);
    return reply(outcome, { status: outcome.actionId ? 201 : 200 });
  },
});
