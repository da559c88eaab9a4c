// POST /api/v1/audit-events/verify — recompute the hash chain, compare it with the anchors, and report the first broken row (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { chainVerdict } from '@/lib/schemas/audit';
import { verifyAuditTrail } from '@/lib/server/audit/verify-audit-chain';

export const POST = withApi({
  auth: 'session',
  capability: 'audit.read',
  schemas: { response: chainVerdict },
  handler: () => verifyAuditTrail(),
});
