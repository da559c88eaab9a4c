// GET /api/v1/audit-events/:sequence — one audit event with its payloads (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { auditEventDetail, auditSequenceParams } from '@/lib/schemas/audit';
import { getAuditEvent } from '@/lib/server/audit/list-audit-events';
import { agentTitles } from '@/lib/server/agents/registry';

export const GET = withApi({
  auth: 'session',
  capability: 'audit.read',
  schemas: { params: auditSequenceParams, response: auditEventDetail },
  handler: ({ params }) => getAuditEvent(params.sequence, agentTitles()),
});
