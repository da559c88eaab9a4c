// POST /api/v1/customers/:id/scores/draft — draft a CRM task or an upgrade from the customer's latest scorecard, through policy (revops, admin)
import { reply } from '@/lib/api/reply';
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { draftFromScoreBody, draftFromScoreResponse } from '@/lib/schemas/scores';
import { draftFromScore } from '@/lib/server/scores/draft-from-score';

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { params: idParams, body: draftFromScoreBody, response: draftFromScoreResponse },
  handler: async ({ user, params, body, requestId }) => {
    const outcome = await draftFromScore(user, params.id, body, requestId);
    return reply(outcome, { status: outcome.actionId ? 201 : 200 });
  },
});
