// GET /api/v1/audit-events/facets — the audit filters' choices: people, agents, system actors and recent action names (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { auditFacets } from '@/lib/schemas/audit';
import { listAuditFacets } from '@/lib/server/audit/list-audit-facets';
import { agentTitles } from '@/lib/server/agents/registry';

export const GET = withApi({
  auth: 'session',
  capability: 'audit.read',
  schemas: { response: auditFacets },
  handler: () => listAuditFacets(agentTitles()),
});
