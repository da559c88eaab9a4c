// POST /api/v1/incidents/:id/resolve — resolve an open incident; the SLA agent then assesses it (revops, admin)
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { incidentParams, resolveIncidentBody } from '@/lib/schemas/sla';
import { enqueueAgentRun } from '@/lib/server/agents/agent-triggers';
import { billingOpsSla } from '@/lib/server/agents/billing-ops-sla/billing-ops-sla';
import { resolveIncident } from '@/lib/server/incidents/resolve-incident';

export const POST = withApi({
  auth: 'session',
  capability: 'incidents.manage',
  schemas: { params: incidentParams, body: resolveIncidentBody, response: z.object({ id: z.string() }) },
  handler: async ({ user, params, body, requestId }) => {
    const result = await resolveIncident(user, params.id, body, requestId);
    await enqueueAgentRun(billingOpsSla, { trigger: 'incident.resolved', objectId: `incidents:${params.id}` });
    return result;
  },
});
