// GET /api/v1/actions — the approval queue, filtered, sorted and counted (every role reads; deciding is gated)
// POST /api/v1/actions — draft an action by hand (revops, admin); policy decides what happens next
import { reply } from '@/lib/api/reply';
import { withApi } from '@/lib/api/with-api';
import { actionListQuery, actionListResponse, proposeActionBody, proposeActionResponse } from '@/lib/schemas/actions';
import { listActions } from '@/lib/server/actions/list-actions';
import { countActions } from '@/lib/server/actions/count-actions';
import { draftAction } from '@/lib/server/actions/draft-action';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: actionListQuery, response: actionListResponse },
  handler: async ({ query }) => {
    const [items, counts] = await Promise.all([listActions(query), countActions(query)]);
    return { items, counts };
  },
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
