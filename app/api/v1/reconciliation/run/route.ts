// POST /api/v1/reconciliation/run — queue a reconciliation of every open billing period now (admin, revops)
import { withApi } from '@/lib/api/with-api';
import { runReconciliationResponse } from '@/lib/schemas/usage-forwarding';
import { enqueueAgentRun } from '@/lib/server/agents/agent-triggers';
import { usageReconciler } from '@/lib/server/agents/usage-reconciler/usage-reconciler';

export const POST = withApi({
  auth: 'session',
  capability: 'reconciliation.read',
  status: 202,
  schemas: { response: runReconciliationResponse },
  handler: async () => ({ queued: (await enqueueAgentRun(usageReconciler, { trigger: 'manual' })) !== null }),
});
