// GET /api/v1/incidents — incidents with SLA policy and affected customer count (every role)
// POST /api/v1/incidents — open an incident in the console (revops, admin)
import { withApi } from '@/lib/api/with-api';
import { incidentListResponse } from '@/lib/schemas/incidents';
import { openIncidentBody } from '@/lib/schemas/sla';
import { z } from 'zod';
import { listIncidents } from '@/lib/server/incidents/list-incidents';
import { openIncident } from '@/lib/server/incidents/open-incident';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { response: incidentListResponse },
  handler: async () => ({ items: await listIncidents() }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'incidents.manage',
  status: 201,
  schemas: { body: openIncidentBody, response: z.object({ id: z.string() }) },
  handler: ({ user, body }) => openIncident(user, body),
});
