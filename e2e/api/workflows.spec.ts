import { expect, test, type APIRequestContext } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';
import { describeRoleMatrix } from '../fixtures/role-matrix';

// Earned autonomy over HTTP: every role reads the workflows the seeded agents opened (agent ×
// kind, with scope and evidence); only admins change a phase, and the 90-day rule and dual
// control hold at the route, not only in the screen. Usage Analyst · Slack post is this file's
// own workflow (the UI journey uses Usage Analyst · CRM task), so the two projects never race.

describeRoleMatrix('workflow routes', [
  {
    name: 'GET /api/v1/workflows',
    method: 'GET',
    path: '/api/v1/workflows',
    allowed: ['support', 'revops', 'admin'],
    check: (body) => {
      const dunning = body.items.find(
        (w: { agentId: string; actionKind: string }) => w.agentId === 'billing-ops' && w.actionKind === 'dunning_step',
      );
      expect(dunning).toMatchObject({ phase: 'assist', scope: { status: 'scoped' } });
      expect(dunning.scope.endpoints).toContain('POST /v1/invoices/*/pay');
      expect(dunning.metrics.promotion.checks.map((c: { key: string }) => c.key)).toContain('assist_days');
    },
  },
]);

async function workflowId(request: APIRequestContext, agentId: string, kind: string): Promise<string> {
  const { items } = await (await request.get('/api/v1/workflows')).json();
  const wf = items.find((w: { agentId: string; actionKind: string }) => w.agentId === agentId && w.actionKind === kind);
  expect(wf, `${agentId} · ${kind}`).toBeTruthy();
  return wf.id;
}

test.describe('as revops', () => {
  test.use({ storageState: storageStateFor('revops') });
  test('may not change a phase or request an override', async ({ request, baseURL }) => {
    const id = await workflowId(request, 'usage-analyst', 'slack_post');
    const headers = { origin: baseURL! };
    const phase = await request.post(`/api/v1/workflows/${id}/phase`, { data: { phase: 'assist' }, headers });
    expect(phase.status()).toBe(403);
    const override = await request.post(`/api/v1/workflows/${id}/overrides`, {
      data: { reason: 'we trust this workflow enough already' },
      headers,
    });
    expect(override.status()).toBe(403);
  });
});

test.describe('as admin', () => {
  test.use({ storageState: storageStateFor('admin') });
  test('autopilot on day 0 is refused by the 90-day rule; an override needs a reason and a second admin', async ({
    request,
    baseURL,
  }) => {
    const id = await workflowId(request, 'usage-analyst', 'slack_post');
    const headers = { origin: baseURL! };
    const promote = await request.post(`/api/v1/workflows/${id}/phase`, { data: { phase: 'autopilot' }, headers });
    expect(promote.status()).toBe(409);
    const refusal = (await promote.json()).error;
    expect(refusal.code).toBe('criteria_not_met');
    expect(refusal.message).toMatch(/at least 90 days in assist \(now \d+\)/);

    const terse = await request.post(`/api/v1/workflows/${id}/overrides`, { data: { reason: 'trust me' }, headers });
    expect(terse.status()).toBe(422);

    const asked = await request.post(`/api/v1/workflows/${id}/overrides`, {
      data: { reason: 'Runaway alerts have been right every time this quarter' },
      headers,
    });
    expect(asked.status()).toBe(201);
    const { id: requestId, status } = await asked.json();
    expect(status).toBe('pending');
    const again = await request.post(`/api/v1/workflows/${id}/overrides`, {
      data: { reason: 'Runaway alerts have been right every time this quarter' },
      headers,
    });
    expect((await again.json()).error.code).toBe('override_pending');

    const self = await request.post(`/api/v1/workflow-overrides/${requestId}/decision`, {
      data: { decision: 'approved' },
      headers,
    });
    expect(self.status()).toBe(403);
    expect((await self.json()).error.code).toBe('dual_control');

    const { items } = await (await request.get('/api/v1/workflows')).json();
    const wf = items.find((w: { id: string }) => w.id === id);
    expect(wf).toMatchObject({ phase: 'assist', pendingOverride: { id: requestId } });
  });
});
