// GET /api/v1/audit-events — the audit trail, newest first (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { auditListQuery, auditListResponse } from '@/lib/schemas/audit';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { agentTitles } from '@/lib/server/agents/registry';

export const GET = withApi({
  auth: 'session',
  capability: 'audit.read',
  schemas: { query: auditListQuery, response: auditListResponse },
  handler: ({ query }) => listAuditEvents(query, agentTitles()),
});
