// POST /api/v1/audit-events/verify — recompute the hash chain and report the first broken row (admin, revops)
import { getDb } from '@/lib/db';
import { withApi } from '@/lib/api/with-api';
import { chainVerdict } from '@/lib/schemas/audit';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { readAuditAnchors } from '@/lib/server/audit/write-audit-anchor';
import { getEnv } from '@/lib/env';

export const POST = withApi({
  auth: 'session',
  roles: ['admin', 'revops'],
  schemas: { response: chainVerdict },
  handler: () => verifyAuditChain(getDb(), undefined, readAuditAnchors(getEnv().AUDIT_ANCHOR_FILE)),
});
