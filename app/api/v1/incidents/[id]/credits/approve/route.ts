// POST /api/v1/incidents/:id/credits/approve — approve the incident's SLA credits together; a verdict per credit (revops, admin)
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { approveCreditsBody, incidentParams } from '@/lib/schemas/sla';
import { approveIncidentCredits } from '@/lib/server/incidents/approve-incident-credits';

export const POST = withApi({
  auth: 'session',
  capability: 'actions.decide',
  schemas: { params: incidentParams, body: approveCreditsBody, response: z.object({ results: z.array(z.unknown()) }) },
  handler: async ({ user, params, body, requestId }) => ({
    results: await approveIncidentCredits(user, params.id, body.items, requestId),
  }),
});
