// GET /api/v1/incidents/:id — timeline, cohort (included / excluded with reasons), credits (every role)
import { withApi } from '@/lib/api/with-api';
import { incidentDetailResponse, incidentParams } from '@/lib/schemas/sla';
import { getIncident } from '@/lib/server/incidents/get-incident';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: incidentParams, response: incidentDetailResponse },
  handler: ({ params }) => getIncident(params.id),
});
