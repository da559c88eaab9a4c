// GET /api/v1/incidents — incidents with SLA policy and affected customer count (every role)
import { withApi } from '@/lib/api/with-api';
import { incidentListResponse } from '@/lib/schemas/incidents';
import { listIncidents } from '@/lib/server/incidents/list-incidents';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { response: incidentListResponse },
  handler: async () => ({ items: await listIncidents() }),
});
